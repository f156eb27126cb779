// Upserts a batch of movies and makes their IN_GENRE relationships exactly the listed genres.
UNWIND $rows AS row
MERGE (m:Movie {movieId: row.movieId})
SET m.title = row.title, m.year = row.year, m.imdbId = row.imdbId, m.tmdbId = row.tmdbId
WITH m, row
CALL (m, row) {
  OPTIONAL MATCH (m)-[old:IN_GENRE]->(g:Genre)
  WHERE NOT g.name IN row.genres
  DELETE old
}
WITH m, row
UNWIND row.genres AS genreName
MERGE (g:Genre {name: genreName})
MERGE (m)-[:IN_GENRE]->(g)
