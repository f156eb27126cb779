// Global popularity candidates: the most rated movies the user has not rated (ties: Bayesian mean).
MATCH (u:User {userId: $userId})
CALL (u) {
  // the user's rated movies, read once: each candidate is then checked against this list, not by walking the
  // user's RATED relationships again for every movie
  OPTIONAL MATCH (u)-[:RATED]->(seen:Movie)
  RETURN collect(seen) AS rated
}
MATCH (m:Movie)
WHERE m.ratingCount > 0 AND NOT m IN rated
WITH u, m
ORDER BY m.ratingCount DESC, m.bayesMean DESC, m.movieId
LIMIT $limit
RETURN u.userId AS userId, m.movieId AS movieId, m.title AS title, m.year AS year,
       toFloat(m.ratingCount) AS score, m.ratingCount AS ratingCount, m.meanRating AS meanRating
