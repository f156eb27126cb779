// A user's genre map: every PREFERS relationship with its affinity and support, strongest first.
// In Neo4j Browser:  :param userId => 1   (switch to the Table view for the numbers)
MATCH (u:User {userId: $userId})-[p:PREFERS]->(g:Genre)
RETURN g.name AS genre, round(p.affinity, 3) AS affinity, p.support AS ratedInGenre, u, p, g
ORDER BY affinity DESC
