// Why did the ranker pick a movie the graph generators did not propose: the user rated a movie that many of the
// same people also rated (the co-raters behind the EASE and cosine scores); up to 25 of those people.
// In Neo4j Browser:  :param userId => 1   :param movieId => 483   :param fromMovieId => 50
MATCH (u:User {userId: $userId})-[r:RATED]->(j:Movie {movieId: $fromMovieId})
MATCH q = (j)<-[:RATED]-(v:User)-[:RATED]->(m:Movie {movieId: $movieId})
WITH u, r, j, q LIMIT 25
RETURN u, r, j, q
