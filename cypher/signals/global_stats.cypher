// Graph-wide figures the other signals are shrunk toward: mean rating and the latest rating time; and the top
// of the rating scale in use.
MATCH (:User)-[r:RATED]->(:Movie)
RETURN avg(r.rating) AS globalMean, max(r.ratedAt) AS latestRatedAt, count(r) AS ratings, max(r.rating) AS ratingMax
