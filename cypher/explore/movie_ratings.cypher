// A movie's raters and ratings, with its materialized popularity signals.
// In Neo4j Browser:  :param movieId => 1
MATCH (m:Movie {movieId: $movieId})
OPTIONAL MATCH p = (:User)-[:RATED]->(m)
RETURN m.title AS title, m.ratingCount AS ratings, round(m.bayesMean, 2) AS bayesMean,
       round(m.trend, 2) AS trend, collect(p)[..50] AS raters
