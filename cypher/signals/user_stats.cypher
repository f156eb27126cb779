// Per-user rating statistics for a batch of users: n_u, mean μ_u, population standard deviation, latest rating
// time. Refreshes one user after a rating; signals/RatingStats computes every user at once in memory alike.
UNWIND $userIds AS userId
MATCH (u:User {userId: userId})
CALL (u) {
  OPTIONAL MATCH (u)-[r:RATED]->(:Movie)
  RETURN count(r) AS n, avg(r.rating) AS mean, stDevP(r.rating) AS sd, max(r.ratedAt) AS lastRatedAt
}
SET u.ratingCount = n, u.meanRating = mean, u.ratingSd = CASE WHEN n = 0 THEN null ELSE sd END,
    u.lastRatedAt = lastRatedAt
