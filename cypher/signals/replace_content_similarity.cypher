// Content similarity of a batch of movies, as computed by signals/ContentSimilarity: each movie's old
// (:Movie)-[:SIMILAR {kind: 'content'}]->(:Movie) relationships are replaced by $rows' (an empty list for a movie
// that now has enough ratings for rating-based similarity):
//   score = jaccard(genres_i, genres_j) · exp(−|year_i − year_j| / yearScale) · (1 + jaccard(tags_i, tags_j)) / 2
UNWIND $rows AS row
MATCH (i:Movie {movieId: row.movieId})
CALL (i) {
  OPTIONAL MATCH (i)-[old:SIMILAR {kind: 'content'}]->(:Movie)
  DELETE old
}
WITH i, row
UNWIND row.similar AS s
MATCH (j:Movie {movieId: s.movieId})
CREATE (i)-[:SIMILAR {score: s.score, overlap: 0, kind: 'content'}]->(j)
