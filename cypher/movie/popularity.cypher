// A movie's materialized popularity signals.
MATCH (m:Movie {movieId: $movieId})
RETURN m.ratingCount AS ratingCount, m.meanRating AS meanRating, m.bayesMean AS bayesMean, m.trend AS trend
