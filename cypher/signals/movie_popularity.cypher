// Per-movie popularity for a batch of movies: n_m, the sum of the ratings, mean, Bayesian mean (C·μ + Σr)/(C + n_m) shrunk toward the
// global mean μ with prior weight C = $priorWeight, and trend Σ 2^(−(T − t)/h) over ratings at time t, with T
// the latest rating in the graph ($latestRatedAt) and h = $halfLifeSeconds. Refreshes the movies a rating touched;
// signals/RatingStats computes every movie at once in memory alike.
UNWIND $movieIds AS movieId
MATCH (m:Movie {movieId: movieId})
CALL (m) {
  OPTIONAL MATCH (:User)-[r:RATED]->(m)
  RETURN count(r) AS n, sum(r.rating) AS total, avg(r.rating) AS mean,
         sum(CASE WHEN r IS NULL THEN 0.0 ELSE 2.0 ^ (-toFloat($latestRatedAt - r.ratedAt) / $halfLifeSeconds) END) AS trend
}
SET m.ratingCount = n, m.meanRating = mean, m.ratingTotal = toFloat(total),
    m.bayesMean = ($priorWeight * $globalMean + total) / ($priorWeight + n),
    m.trend = trend
