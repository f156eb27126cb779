// Cohort candidates: what people of the user's cohort (u.cohortLevel, computed by signals/CohortLevels, written by signals/set_cohort_levels) rated,
// excluding what the user rated.
//   score(m) = n_cm · bayes_cm / 5, with bayes_cm = (C·μ + Σ r) / (C + n_cm), n_cm the cohort's ratings of m,
//   μ = $globalMean, C = $priorWeight.
MATCH (u:User {userId: $userId})
WITH u, coalesce(u.cohortLevel, 0) AS level
// The cohort's members are found first, so only their ratings are read (not every rating of the graph).
MATCH (c:User)
WHERE c <> u
  AND (level = 0
    OR (level = 1 AND c.gender = u.gender)
    OR (level = 2 AND c.gender = u.gender AND c.ageBand = u.ageBand)
    OR (level = 3 AND c.gender = u.gender AND c.ageBand = u.ageBand AND c.occupation = u.occupation))
MATCH (c)-[r:RATED]->(m:Movie)
WHERE NOT EXISTS { (u)-[:RATED]->(m) }
WITH u, level, m, count(r) AS n, sum(r.rating) AS total, avg(r.rating) AS mean
WITH u, level, m, n, mean, n * ($priorWeight * $globalMean + total) / ($priorWeight + n) / 5 AS score
ORDER BY score DESC, m.movieId
LIMIT $limit
RETURN u.userId AS userId, m.movieId AS movieId, m.title AS title, m.year AS year, score, n AS cohortRatings,
       mean AS cohortMean, level, u.cohortUsers AS cohortUsers,
       u.ageBand AS ageBand, u.gender AS gender, u.occupation AS occupation
