// A user's nearest neighbours (NEIGHBOUR {score, overlap}) and the movies both rated, as a graph.
// In Neo4j Browser:  :param userId => 1
MATCH (u:User {userId: $userId})-[n:NEIGHBOUR]->(v:User)
WITH u, n, v ORDER BY n.score DESC LIMIT 5
MATCH p = (u)-[:RATED]->(:Movie)<-[:RATED]-(v)
RETURN u, n, v, p
LIMIT 100
