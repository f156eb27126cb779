// Population genre affinity p_g: the mean of (r − μ_u) over every rating of a movie in genre g. Genre
// affinities are shrunk toward it. Needs user means (user_stats) first.
MATCH (g:Genre)
CALL (g) {
  OPTIONAL MATCH (g)<-[:IN_GENRE]-(:Movie)<-[r:RATED]-(u:User)
  RETURN avg(r.rating - u.meanRating) AS prior, count(r) AS support
}
SET g.priorAffinity = coalesce(prior, 0.0), g.ratingCount = support
