// Everything per user that feature extraction needs, in one round trip: the user's statistics and cohort,
// their ratings (with times, for the recent history), the movies they viewed but did not rate (as [movieId, time],
// when $withViews), their genre affinities, and their neighbours as [userId, score] (the neighbours' ratings come
// from the in-memory snapshot).
MATCH (u:User {userId: $userId})
CALL (u) {
  OPTIONAL MATCH (u)-[r:RATED]->(m:Movie)
  RETURN collect([m.movieId, r.rating, r.ratedAt]) AS ratings
}
CALL (u) {
  OPTIONAL MATCH (u)-[v:VIEWED]->(m:Movie)
  WHERE $withViews AND NOT (u)-[:RATED]->(m)
  RETURN collect([m.movieId, v.lastAt]) AS views
}
CALL (u) {
  OPTIONAL MATCH (u)-[p:PREFERS]->(g:Genre)
  RETURN collect([g.name, p.affinity]) AS prefers
}
CALL (u) {
  OPTIONAL MATCH (u)-[n:NEIGHBOUR]->(v:User)
  RETURN collect([v.userId, n.score]) AS neighbours
}
RETURN u.ratingCount AS ratingCount, u.meanRating AS meanRating, u.ratingSd AS ratingSd,
       coalesce(u.cohortLevel, 0) AS cohortLevel, u.gender AS gender, u.ageBand AS ageBand, u.occupation AS occupation,
       ratings, views, prefers, neighbours
