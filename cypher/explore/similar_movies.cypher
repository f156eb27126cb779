// The movies most SIMILAR to one movie (kind 'rating': adjusted cosine over co-raters; 'content': genres,
// year and tags for sparsely rated movies).
// In Neo4j Browser:  :param movieId => 50     (Star Wars in ml-100k)
MATCH p = (m:Movie {movieId: $movieId})-[s:SIMILAR]->(o:Movie)
RETURN p
ORDER BY s.score DESC
LIMIT 10
