// The logged answers for offline replay: every recommendation (by recommendationId) with impressions since $since,
// the latest $limit of them, with the movies it showed and those of them the user then took up: clicked or viewed at
// or after it was shown, or rated at least $liked after it. `at` is when it was first shown (epoch seconds). With
// $variants not empty, only the answers served in those variants.
MATCH (ev:Event)
WHERE ev.at >= $since AND ev.type = 'impression' AND ev.recommendationId IS NOT NULL
  AND (size($variants) = 0 OR coalesce(ev.variant, 'default') IN $variants)
WITH ev.recommendationId AS recommendationId, ev.userId AS userId, ev.model AS model,
     coalesce(ev.variant, 'default') AS variant, min(ev.at) AS at, collect(DISTINCT ev.movieId) AS shown
ORDER BY at DESC, recommendationId
LIMIT $limit
CALL (userId, shown, at) {
  OPTIONAL MATCH (:User {userId: userId})-[:DID]->(e:Event)-[:ON]->(m:Movie)
  WHERE e.type IN ['click', 'view'] AND e.at >= at AND m.movieId IN shown
  RETURN collect(DISTINCT m.movieId) AS engaged
}
CALL (userId, shown, at) {
  OPTIONAL MATCH (:User {userId: userId})-[r:RATED]->(m:Movie)
  WHERE m.movieId IN shown AND r.ratedAt >= at AND r.rating >= $liked
  RETURN collect(m.movieId) AS liked
}
RETURN recommendationId, userId, model, variant, at, shown, engaged + liked AS positives
ORDER BY at, recommendationId
