// Item-item similarity for a batch of movies, materialized as (:Movie)-[:SIMILAR {score, overlap, kind}]->(:Movie)
// with kind 'rating'. Adjusted cosine over the co-raters U (|U| = overlap ≥ $minOverlap):
//   sim(i,j) = Σ_U (r_ui − μ_u)(r_uj − μ_u) / (sqrt(Σ_U (r_ui − μ_u)²) · sqrt(Σ_U (r_uj − μ_u)²))
//   score    = sim · overlap / (overlap + $shrinkage)
// The $k best positive scores are kept, ties by lower movieId. Degree cap: only the $degreeCap latest raters of i
// (latest ratedAt first, ties by lower userId), and the $degreeCap latest ratings of each of them (ties by lower
// movieId), are considered. Replaces the movies' previous rating-based SIMILAR. signals/CoRatings computes the same
// for every movie at once.
UNWIND $movieIds AS movieId
MATCH (i:Movie {movieId: movieId})
CALL (i) {
  OPTIONAL MATCH (i)-[old:SIMILAR {kind: 'rating'}]->(:Movie)
  DELETE old
}
WITH i
CALL (i) {
  MATCH (i)<-[r1:RATED]-(u:User)
  WITH i, u, r1
  ORDER BY r1.ratedAt DESC, u.userId
  WITH i, collect([u, r1])[..$degreeCap] AS latest
  UNWIND latest AS rater
  WITH i, rater[0] AS u, rater[1] AS r1
  CALL (u) {
    MATCH (u)-[r2:RATED]->(j:Movie)
    WITH j, r2
    ORDER BY r2.ratedAt DESC, j.movieId
    WITH collect([j, r2])[..$degreeCap] AS latest
    UNWIND latest AS pair
    RETURN pair[0] AS j, pair[1] AS r2
  }
  WITH i, j, r1.rating - u.meanRating AS di, r2.rating - u.meanRating AS dj
  WHERE j <> i
  WITH j, count(*) AS overlap, sum(di * dj) AS num, sum(di * di) AS si, sum(dj * dj) AS sj
  WHERE overlap >= $minOverlap AND si > 0 AND sj > 0
  WITH j, overlap, num / sqrt(si * sj) * overlap / (overlap + $shrinkage) AS score
  WHERE score > 0
  RETURN j, overlap, score
  ORDER BY score DESC, j.movieId
  LIMIT $k
}
CREATE (i)-[:SIMILAR {score: score, overlap: overlap, kind: 'rating'}]->(j)
