// Per-user rating statistics and age band, for a batch of users: n_u, mean μ_u, population standard deviation,
// latest rating time. ageBand follows ml-1m's bands: 1 (<18), 18, 25, 35, 45, 50, 56 (56+); null without age.
UNWIND $userIds AS userId
MATCH (u:User {userId: userId})
CALL (u) {
  OPTIONAL MATCH (u)-[r:RATED]->(:Movie)
  RETURN count(r) AS n, avg(r.rating) AS mean, stDevP(r.rating) AS sd, max(r.ratedAt) AS lastRatedAt
}
SET u.ratingCount = n, u.meanRating = mean, u.ratingSd = CASE WHEN n = 0 THEN null ELSE sd END,
    u.lastRatedAt = lastRatedAt,
    u.ageBand = CASE
      WHEN u.age IS NULL THEN null
      WHEN u.age < 18 THEN 1 WHEN u.age < 25 THEN 18 WHEN u.age < 35 THEN 25 WHEN u.age < 45 THEN 35
      WHEN u.age < 50 THEN 45 WHEN u.age < 56 THEN 50 ELSE 56 END
