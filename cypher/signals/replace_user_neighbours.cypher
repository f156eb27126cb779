// User neighbours of a batch of users, as computed in memory by signals/CoRatings with the formula of
// signals/user_neighbours.cypher: each user's old (:User)-[:NEIGHBOUR]->(:User) relationships are replaced by
// $rows' (userId, neighbours: [{userId, score, overlap}]).
UNWIND $rows AS row
MATCH (u:User {userId: row.userId})
CALL (u) {
  OPTIONAL MATCH (u)-[old:NEIGHBOUR]->(:User)
  DELETE old
}
WITH u, row
UNWIND row.neighbours AS n
MATCH (v:User {userId: n.userId})
CREATE (u)-[:NEIGHBOUR {score: n.score, overlap: n.overlap}]->(v)
