// User-kNN candidates: what the user's NEIGHBOURs rated, excluding what the user rated.
//   score(m)     = Σ_{v ∈ N(u), v rated m} sim(u,v) · (r_vm − μ_v + 1)     (liked by close neighbours, with support)
//   predicted(m) = μ_u + Σ sim(u,v)·(r_vm − μ_v) / Σ sim(u,v)
UNWIND $userIds AS userId
MATCH (u:User {userId: userId})
CALL (u) {
  // the user's rated movies, read once: each candidate is then checked against this list, not by walking the
  // user's RATED relationships again for every movie
  OPTIONAL MATCH (u)-[:RATED]->(seen:Movie)
  RETURN collect(seen) AS rated
}
MATCH (u)-[n:NEIGHBOUR]->(v:User)-[r:RATED]->(m:Movie)
WHERE NOT m IN rated
WITH u, m, n.score AS sim, r.rating AS rating, r.rating - v.meanRating AS deviation, v.userId AS neighbour
ORDER BY sim DESC
WITH u, m, sum(sim * (deviation + 1)) AS score, sum(sim * deviation) / sum(sim) AS meanDeviation,
     count(*) AS neighbours, avg(rating) AS neighbourMean, collect(neighbour)[..5] AS neighbourIds
WHERE score > 0
WITH u, m, score, meanDeviation, neighbours, neighbourMean, neighbourIds
ORDER BY score DESC, m.movieId
WITH u, collect({movieId: m.movieId, title: m.title, year: m.year, score: score,
                 predicted: u.meanRating + meanDeviation, neighbours: neighbours,
                 neighbourMean: neighbourMean, neighbourIds: neighbourIds})[..$limit] AS rows
UNWIND rows AS row
RETURN u.userId AS userId, row.movieId AS movieId, row.title AS title, row.year AS year, row.score AS score,
       row.predicted AS predicted, row.neighbours AS neighbours, row.neighbourMean AS neighbourMean,
       row.neighbourIds AS neighbourIds
