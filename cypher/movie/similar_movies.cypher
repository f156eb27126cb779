// The movies most SIMILAR to one movie (rating-based first, content-based for sparsely rated movies).
MATCH (m:Movie {movieId: $movieId})-[s:SIMILAR]->(o:Movie)
RETURN o.movieId AS movieId, o.title AS title, o.year AS year, s.score AS score, s.overlap AS overlap, s.kind AS kind
ORDER BY CASE s.kind WHEN 'rating' THEN 0 ELSE 1 END, score DESC, movieId
LIMIT $limit
