// Genre affinity for a batch of users, materialized as (:User)-[:PREFERS {affinity, support}]->(:Genre):
// affinity(u, g) = (Σ_{m∈g} (r_um − μ_u) + λ·p_g) / (n_ug + λ), support n_ug = how many of u's ratings are in g,
// λ = $shrinkage, p_g the population prior (set_genre_priors; 0, no lean either way, before the first signal run). Replaces the users' previous PREFERS. Refreshes one
// user on demand; signals/GenreAffinities computes every user at once in memory with the same formula.
UNWIND $userIds AS userId
MATCH (u:User {userId: userId})
CALL (u) {
  OPTIONAL MATCH (u)-[old:PREFERS]->(:Genre)
  DELETE old
}
WITH u
CALL (u) {
  MATCH (u)-[r:RATED]->(:Movie)-[:IN_GENRE]->(g:Genre)
  WITH g, sum(r.rating - u.meanRating) AS deviation, count(r) AS support
  RETURN g, (deviation + $shrinkage * coalesce(g.priorAffinity, 0.0)) / (support + $shrinkage) AS affinity, support
}
CREATE (u)-[:PREFERS {affinity: affinity, support: support}]->(g)
