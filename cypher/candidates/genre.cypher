// Genre-affinity candidates: movies in genres the user PREFERS (affinity > 0), excluding rated ones.
//   score(m) = Σ_{g ∈ genres(m), a_ug > 0} a_ug · ln(1 + n_m)     (popular movies of loved genres first)
UNWIND $userIds AS userId
MATCH (u:User {userId: userId})
CALL (u) {
  // the user's rated movies, read once: each candidate is then checked against this list, not by walking the
  // user's RATED relationships again for every movie
  OPTIONAL MATCH (u)-[:RATED]->(seen:Movie)
  RETURN collect(seen) AS rated
}
MATCH (u)-[p:PREFERS]->(g:Genre)
WHERE p.affinity > 0
MATCH (g)<-[:IN_GENRE]-(m:Movie)
WHERE NOT m IN rated
WITH u, m, g, p
ORDER BY p.affinity DESC
WITH u, m, sum(p.affinity) * log(1 + coalesce(m.ratingCount, 0)) AS score,
     collect({genre: g.name, affinity: p.affinity, support: p.support})[0] AS top
WHERE score > 0
ORDER BY score DESC, m.movieId
WITH u, collect({movieId: m.movieId, title: m.title, year: m.year, score: score, top: top})[..$limit] AS rows
UNWIND rows AS row
RETURN u.userId AS userId, row.movieId AS movieId, row.title AS title, row.year AS year, row.score AS score,
       row.top.genre AS genre, row.top.affinity AS affinity, row.top.support AS support
