// One movie with its genres, rating count and mean rating.
MATCH (m:Movie {movieId: $movieId})
CALL (m) {
  OPTIONAL MATCH (m)-[:IN_GENRE]->(g:Genre)
  WITH g ORDER BY g.name
  RETURN collect(g.name) AS genres
}
CALL (m) {
  OPTIONAL MATCH (:User)-[r:RATED]->(m)
  RETURN count(r) AS ratingCount, avg(r.rating) AS meanRating
}
RETURN m.movieId AS movieId, m.title AS title, m.year AS year, m.imdbId AS imdbId, m.tmdbId AS tmdbId,
       genres, ratingCount, meanRating
