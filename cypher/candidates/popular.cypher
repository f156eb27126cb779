// Global popularity candidates: the most rated movies the user has not rated (ties: Bayesian mean).
MATCH (u:User {userId: $userId})
MATCH (m:Movie)
WHERE m.ratingCount > 0 AND NOT EXISTS { (u)-[:RATED]->(m) }
WITH u, m
ORDER BY m.ratingCount DESC, m.bayesMean DESC, m.movieId
LIMIT $limit
RETURN u.userId AS userId, m.movieId AS movieId, m.title AS title, m.year AS year,
       toFloat(m.ratingCount) AS score, m.ratingCount AS ratingCount, m.meanRating AS meanRating
