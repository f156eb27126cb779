// Content similarity for a batch of movies with fewer than $minRatings ratings (too few for rating-based
// similarity), as (:Movie)-[:SIMILAR {score, overlap: 0, kind: 'content'}]->(:Movie):
//   score = jaccard(genres_i, genres_j) · exp(−|year_i − year_j| / $yearScale) · (1 + jaccard(tags_i, tags_j)) / 2
// (the tag factor is 1/2 when neither movie has tags; years missing count as equal). The $k best are kept.
UNWIND $movieIds AS movieId
MATCH (i:Movie {movieId: movieId})
CALL (i) {
  OPTIONAL MATCH (i)-[old:SIMILAR {kind: 'content'}]->(:Movie)
  DELETE old
}
WITH i
WHERE coalesce(i.ratingCount, 0) < $minRatings
CALL (i) {
  MATCH (i)-[:IN_GENRE]->(g:Genre)
  WITH i, collect(g) AS gi
  CALL (i) {
    OPTIONAL MATCH (i)<-[t:TAGGED]-(:User)
    RETURN collect(DISTINCT toLower(t.tag)) AS ti
  }
  UNWIND gi AS g
  MATCH (g)<-[:IN_GENRE]-(j:Movie)
  WHERE j <> i
  WITH i, gi, ti, j, count(g) AS shared
  CALL (j) {
    MATCH (j)-[:IN_GENRE]->(g2:Genre)
    RETURN count(g2) AS nj
  }
  CALL (j) {
    OPTIONAL MATCH (j)<-[t:TAGGED]-(:User)
    RETURN collect(DISTINCT toLower(t.tag)) AS tj
  }
  WITH j, toFloat(shared) / (size(gi) + nj - shared) AS genreJaccard,
       CASE WHEN i.year IS NULL OR j.year IS NULL THEN 0 ELSE abs(i.year - j.year) END AS yearGap,
       CASE WHEN size(ti) + size(tj) = 0 THEN 0.0
            ELSE toFloat(size([t IN ti WHERE t IN tj])) / (size(ti) + size(tj) - size([t IN ti WHERE t IN tj])) END AS tagJaccard
  WITH j, genreJaccard * exp(-toFloat(yearGap) / $yearScale) * (1 + tagJaccard) / 2 AS score
  RETURN j, score
  ORDER BY score DESC, coalesce(j.ratingCount, 0) DESC, j.movieId
  LIMIT $k
}
CREATE (i)-[:SIMILAR {score: score, overlap: 0, kind: 'content'}]->(j)
