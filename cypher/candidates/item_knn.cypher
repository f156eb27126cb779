// Item-kNN candidates: movies SIMILAR to what the user rated at or above their mean, excluding rated ones.
//   score(m) = Σ_{j rated by u, r_uj ≥ μ_u} sim(j,m) · (r_uj − μ_u + 1)
// The evidence is the rated movie that contributes most.
UNWIND $userIds AS userId
MATCH (u:User {userId: userId})
CALL (u) {
  // the user's rated movies, read once: each candidate is then checked against this list, not by walking the
  // user's RATED relationships again for every movie
  OPTIONAL MATCH (u)-[:RATED]->(seen:Movie)
  RETURN collect(seen) AS rated
}
MATCH (u)-[r:RATED]->(j:Movie)-[s:SIMILAR]->(m:Movie)
WHERE r.rating >= u.meanRating AND NOT m IN rated
WITH u, m, j, r, s.score * (r.rating - u.meanRating + 1) AS contribution
ORDER BY contribution DESC
WITH u, m, sum(contribution) AS score, count(j) AS support,
     collect({movieId: j.movieId, title: j.title, rating: r.rating})[0] AS because
ORDER BY score DESC, m.movieId
WITH u, collect({movieId: m.movieId, title: m.title, year: m.year, score: score, support: support,
                 because: because})[..$limit] AS rows
UNWIND rows AS row
RETURN u.userId AS userId, row.movieId AS movieId, row.title AS title, row.year AS year, row.score AS score,
       row.support AS support, row.because.movieId AS becauseMovieId, row.because.title AS becauseTitle,
       row.because.rating AS becauseRating
