// Why was a movie recommended by item-kNN: the user's liked movies that are SIMILAR to it.
// In Neo4j Browser:  :param userId => 1   :param movieId => 483
MATCH p = (u:User {userId: $userId})-[r:RATED]->(j:Movie)-[s:SIMILAR]->(m:Movie {movieId: $movieId})
WHERE r.rating >= u.meanRating
RETURN p
ORDER BY s.score * (r.rating - u.meanRating + 1) DESC
LIMIT 10
