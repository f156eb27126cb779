// Every movie's title, static and popularity signals, for the in-memory signal snapshot.
MATCH (m:Movie)
OPTIONAL MATCH (m)-[:IN_GENRE]->(g:Genre)
RETURN m.movieId AS movieId, m.title AS title, collect(g.name) AS genres, m.year AS year, coalesce(m.ratingCount, 0) AS ratingCount,
       m.bayesMean AS bayesMean, coalesce(m.trend, 0.0) AS trend
