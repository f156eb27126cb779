// Per-user rating statistics computed in memory (signals/RatingStats, the formulas of user_stats.cypher) for a
// batch of users: $rows = [{userId, n, mean, sd, lastRatedAt}] (mean, sd and lastRatedAt null without ratings).
UNWIND $rows AS row
MATCH (u:User {userId: row.userId})
SET u.ratingCount = row.n, u.meanRating = row.mean, u.ratingSd = row.sd, u.lastRatedAt = row.lastRatedAt
