// A user's materialized neighbours, best first.
MATCH (u:User {userId: $userId})-[n:NEIGHBOUR]->(v:User)
RETURN v.userId AS userId, n.score AS score, n.overlap AS overlap
ORDER BY score DESC, userId
