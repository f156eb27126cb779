// Why was a movie recommended by user-kNN: the user's neighbours who rated it.
// In Neo4j Browser:  :param userId => 1   :param movieId => 318
MATCH p = (u:User {userId: $userId})-[n:NEIGHBOUR]->(v:User)-[r:RATED]->(m:Movie {movieId: $movieId})
RETURN p
ORDER BY n.score DESC
