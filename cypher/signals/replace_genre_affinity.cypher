// Replaces the PREFERS relationships of a batch of users with the affinities computed in memory
// (signals/GenreAffinities, the formula of genre_affinity.cypher): $rows = [{userId, genres: [{genre, affinity, support}]}].
UNWIND $rows AS row
MATCH (u:User {userId: row.userId})
CALL (u) {
  OPTIONAL MATCH (u)-[old:PREFERS]->(:Genre)
  DELETE old
}
WITH u, row
UNWIND row.genres AS p
MATCH (g:Genre {name: p.genre})
CREATE (u)-[:PREFERS {affinity: p.affinity, support: p.support}]->(g)
