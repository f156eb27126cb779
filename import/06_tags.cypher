// tags.csv (userId,movieId,tag,timestamp): one TAGGED relationship per (user, movie, tag).
LOAD CSV WITH HEADERS FROM 'file:///tags.csv' AS row
CALL (row) {
  MATCH (m:Movie {movieId: toInteger(row.movieId)})
  MERGE (u:User {userId: toInteger(row.userId)})
  MERGE (u)-[t:TAGGED {tag: row.tag}]->(m)
  SET t.taggedAt = toInteger(row.timestamp)
} IN TRANSACTIONS OF 10000 ROWS;
