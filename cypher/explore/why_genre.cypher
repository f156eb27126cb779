// Why was a movie recommended by genre affinity: the user's PREFERS toward the movie's genres.
// In Neo4j Browser:  :param userId => 1   :param movieId => 483
MATCH p = (u:User {userId: $userId})-[pr:PREFERS]->(g:Genre)<-[:IN_GENRE]-(m:Movie {movieId: $movieId})
RETURN p
ORDER BY pr.affinity DESC
