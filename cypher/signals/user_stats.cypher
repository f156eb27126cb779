// Per-user rating statistics and age band, for a batch of users: n_u, mean μ_u, population standard deviation,
// latest rating time. ageBand: the highest of $ageBands (each band's lowest age, ascending: ml-1m's bands, from
// domain/AgeBands) not above the age, the first band below it; null without age.
UNWIND $userIds AS userId
MATCH (u:User {userId: userId})
CALL (u) {
  OPTIONAL MATCH (u)-[r:RATED]->(:Movie)
  RETURN count(r) AS n, avg(r.rating) AS mean, stDevP(r.rating) AS sd, max(r.ratedAt) AS lastRatedAt
}
SET u.ratingCount = n, u.meanRating = mean, u.ratingSd = CASE WHEN n = 0 THEN null ELSE sd END,
    u.lastRatedAt = lastRatedAt,
    u.ageBand = CASE WHEN u.age IS NULL THEN null
      ELSE reduce(band = $ageBands[0], b IN $ageBands | CASE WHEN u.age >= b THEN b ELSE band END) END
