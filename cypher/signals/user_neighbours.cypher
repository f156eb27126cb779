// User-user neighbours for a batch of users: per user, its $k best (userId, score, overlap), written back as
// (:User)-[:NEIGHBOUR {score, overlap}]->(:User) by replace_user_neighbours.cypher (or its core-API twin), so that
// the computation holds no locks and the write is a short transaction.
// Over the co-rated movies I (|I| = overlap ≥ $minOverlap):
//   sim(u,v) = Σ_I (r_ui − μ_u)(r_vi − μ_v) / (sqrt(Σ_I (r_ui − μ_u)²) · sqrt(Σ_I (r_vi − μ_v)²))
//   score    = sim · overlap / (overlap + $shrinkage)            (significance shrinkage)
// The $k best positive scores are kept, ties by lower userId. Degree cap: for each movie of u only its $degreeCap
// latest raters (latest ratedAt first, ties by lower userId) are considered, so very popular movies cannot explode
// the query. signals/CoRatings computes the same for every user at once.
UNWIND $userIds AS userId
MATCH (u:User {userId: userId})
CALL (u) {
  CALL (u) {
    MATCH (u)-[r1:RATED]->(m:Movie)
    CALL (m) {
      MATCH (m)<-[r2:RATED]-(v:User)
      WITH v, r2
      ORDER BY r2.ratedAt DESC, v.userId
      WITH collect([v, r2])[..$degreeCap] AS latest
      UNWIND latest AS pair
      RETURN pair[0] AS v, pair[1] AS r2
    }
    WITH u, v, r1, r2
    WHERE v <> u
    WITH v, r1.rating - u.meanRating AS du, r2.rating - v.meanRating AS dv
    WITH v, count(*) AS overlap, sum(du * dv) AS num, sum(du * du) AS su, sum(dv * dv) AS sv
    WHERE overlap >= $minOverlap AND su > 0 AND sv > 0
    WITH v, overlap, num / sqrt(su * sv) * overlap / (overlap + $shrinkage) AS score
    WHERE score > 0
    RETURN v, overlap, score
    ORDER BY score DESC, v.userId
    LIMIT $k
  }
  RETURN collect({userId: v.userId, score: score, overlap: overlap}) AS neighbours
}
RETURN u.userId AS userId, neighbours
