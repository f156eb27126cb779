// Cohort candidates: what people like the user rated, excluding what the user rated. The cohort is the
// finest of: same age band × gender × occupation (level 3), age band × gender (2), gender (1), everyone (0)
// that has at least $minUsers other users.
//   score(m) = n_cm · bayes_cm / 5, with bayes_cm = (C·μ + Σ r) / (C + n_cm), n_cm the cohort's ratings of m,
//   μ = $globalMean, C = $priorWeight.
MATCH (u:User {userId: $userId})
CALL (u) {
  MATCH (c:User)
  WHERE c <> u
  WITH CASE
         WHEN c.ageBand = u.ageBand AND c.gender = u.gender AND c.occupation = u.occupation THEN 3
         WHEN c.ageBand = u.ageBand AND c.gender = u.gender THEN 2
         WHEN c.gender = u.gender THEN 1
         ELSE 0 END AS level
  WITH level, count(*) AS users
  ORDER BY level DESC
  WITH collect({level: level, users: users}) AS levels
  WITH [l IN range(3, 0, -1) | {level: l,
         users: reduce(total = 0, x IN levels | total + CASE WHEN x.level >= l THEN x.users ELSE 0 END)}] AS cumulative
  RETURN head([x IN cumulative WHERE x.users >= $minUsers | x] + [{level: 0, users: 0}]) AS cohort
}
MATCH (c:User)-[r:RATED]->(m:Movie)
WHERE c <> u AND NOT EXISTS { (u)-[:RATED]->(m) }
  AND (cohort.level = 0
    OR (cohort.level = 1 AND c.gender = u.gender)
    OR (cohort.level = 2 AND c.gender = u.gender AND c.ageBand = u.ageBand)
    OR (cohort.level = 3 AND c.gender = u.gender AND c.ageBand = u.ageBand AND c.occupation = u.occupation))
WITH u, cohort, m, count(r) AS n, sum(r.rating) AS total, avg(r.rating) AS mean
WITH u, cohort, m, n, mean, n * ($priorWeight * $globalMean + total) / ($priorWeight + n) / 5 AS score
ORDER BY score DESC, m.movieId
LIMIT $limit
RETURN u.userId AS userId, m.movieId AS movieId, m.title AS title, m.year AS year, score, n AS cohortRatings,
       mean AS cohortMean, cohort.level AS level, cohort.users AS cohortUsers,
       u.ageBand AS ageBand, u.gender AS gender, u.occupation AS occupation
