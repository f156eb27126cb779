// A user's materialized genre affinities, strongest first.
MATCH (u:User {userId: $userId})-[p:PREFERS]->(g:Genre)
RETURN g.name AS genre, p.affinity AS affinity, p.support AS support
ORDER BY affinity DESC, genre
