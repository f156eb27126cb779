// Rating-based similarity of a batch of movies, as computed in memory by signals/CoRatings with the formula of
// signals/item_similarity.cypher: each movie's old (:Movie)-[:SIMILAR {kind: 'rating'}]->(:Movie) relationships
// are replaced by $rows' (movieId, similar: [{movieId, score, overlap}]).
UNWIND $rows AS row
MATCH (i:Movie {movieId: row.movieId})
CALL (i) {
  OPTIONAL MATCH (i)-[old:SIMILAR {kind: 'rating'}]->(:Movie)
  DELETE old
}
WITH i, row
UNWIND row.similar AS s
MATCH (j:Movie {movieId: s.movieId})
CREATE (i)-[:SIMILAR {score: s.score, overlap: s.overlap, kind: 'rating'}]->(j)
