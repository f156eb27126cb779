// links.csv (movieId,imdbId,tmdbId): IMDb ids keep their leading zeros; an empty tmdbId stays absent.
LOAD CSV WITH HEADERS FROM 'file:///links.csv' AS row
CALL (row) {
  MATCH (m:Movie {movieId: toInteger(row.movieId)})
  SET m.imdbId = row.imdbId, m.tmdbId = toInteger(row.tmdbId)
} IN TRANSACTIONS OF 5000 ROWS;
