// Creates one movie: with id $movieId, or the next free id when $movieId is null (the unique constraint on
// movieId turns a race between two creations into a retryable error); with its links and its genres (known
// genres, checked by the caller). Returns its id; no row when $movieId is taken.
OPTIONAL MATCH (taken:Movie {movieId: $movieId})
WITH taken
WHERE taken IS NULL
CALL () {
  MATCH (n:Movie)
  RETURN coalesce(max(n.movieId), 0) + 1 AS nextId
}
CREATE (m:Movie {movieId: coalesce($movieId, nextId), title: $title, year: $year, imdbId: $imdbId,
                 tmdbId: $tmdbId, createdAt: $now})
WITH m
CALL (m) {
  UNWIND $genres AS name
  MATCH (g:Genre {name: name})
  CREATE (m)-[:IN_GENRE]->(g)
}
RETURN m.movieId AS movieId
