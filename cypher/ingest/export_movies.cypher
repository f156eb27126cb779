// Every movie with its genres, for export-csv (movies.csv and links.csv).
MATCH (m:Movie)
OPTIONAL MATCH (m)-[:IN_GENRE]->(g:Genre)
WITH m, g ORDER BY g.name
WITH m, collect(g.name) AS genres
RETURN m.movieId AS movieId, m.title AS title, m.year AS year, genres,
       m.imdbId AS imdbId, m.tmdbId AS tmdbId
ORDER BY movieId
