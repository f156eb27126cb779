// Per-movie popularity computed in memory (signals/RatingStats, the formulas of movie_popularity.cypher) for a
// batch of movies: $rows = [{movieId, n, total, mean, bayesMean, trend}] (mean null without ratings).
UNWIND $rows AS row
MATCH (m:Movie {movieId: row.movieId})
SET m.ratingCount = row.n, m.ratingTotal = row.total, m.meanRating = row.mean, m.bayesMean = row.bayesMean, m.trend = row.trend
