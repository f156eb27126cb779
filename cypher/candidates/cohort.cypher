// Cohort candidates: what people of the user's cohort (u.cohortLevel, computed by signals/CohortLevels, written by signals/set_cohort_levels) rated,
// excluding what the user rated.
//   score(m) = n_cm · bayes_cm / 5, with bayes_cm = (C·μ + Σ r) / (C + n_cm), n_cm the cohort's ratings of m,
//   μ = $globalMean, C = $priorWeight.
MATCH (u:User {userId: $userId})
CALL (u) {
  // the user's rated movies, read once: each candidate is then checked against this list, not by walking the
  // user's RATED relationships again for every movie
  OPTIONAL MATCH (u)-[:RATED]->(seen:Movie)
  RETURN collect(seen) AS rated
}
WITH u, rated, coalesce(u.cohortLevel, 0) AS level
CALL (u, level, rated) {
  // level 0 is everyone else: a movie the user has not rated has all its ratings from them, which the movie's
  // materialized count and sum (signals/movie_popularity) already hold, so no rating is read
  WITH u, level, rated WHERE level = 0
  MATCH (m:Movie)
  WHERE m.ratingCount > 0 AND NOT m IN rated
  RETURN m, m.ratingCount AS n, m.ratingTotal AS total
  UNION ALL
  // finer cohorts: their members are found first, so only their ratings are read
  WITH u, level, rated WHERE level > 0
  MATCH (c:User)
  WHERE c <> u
    AND ((level = 1 AND c.gender = u.gender)
      OR (level = 2 AND c.gender = u.gender AND c.ageBand = u.ageBand)
      OR (level = 3 AND c.gender = u.gender AND c.ageBand = u.ageBand AND c.occupation = u.occupation))
  MATCH (c)-[r:RATED]->(m:Movie)
  WHERE NOT m IN rated
  RETURN m, count(r) AS n, sum(r.rating) AS total
}
WITH u, level, m, n, total / n AS mean, n * ($priorWeight * $globalMean + total) / ($priorWeight + n) / 5 AS score
ORDER BY score DESC, m.movieId
LIMIT $limit
RETURN u.userId AS userId, m.movieId AS movieId, m.title AS title, m.year AS year, score, n AS cohortRatings,
       mean AS cohortMean, level, u.cohortUsers AS cohortUsers,
       u.ageBand AS ageBand, u.gender AS gender, u.occupation AS occupation
