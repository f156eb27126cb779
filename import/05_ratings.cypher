// ratings.csv (userId,movieId,rating,timestamp): ratings keep their scale; the timestamp becomes r.ratedAt
// (seconds since the Unix epoch). Users are created on first sight.
LOAD CSV WITH HEADERS FROM 'file:///ratings.csv' AS row
CALL (row) {
  MATCH (m:Movie {movieId: toInteger(row.movieId)})
  MERGE (u:User {userId: toInteger(row.userId)})
  MERGE (u)-[r:RATED]->(m)
  SET r.rating = toFloat(row.rating), r.ratedAt = toInteger(row.timestamp)
} IN TRANSACTIONS OF 10000 ROWS;
