// What a user said they like when signing up: genre names and movie ids.
MATCH (u:User {userId: $userId})
CALL (u) {
  OPTIONAL MATCH (u)-[:LIKES]->(g:Genre)
  RETURN collect(g.name) AS genres
}
CALL (u) {
  OPTIONAL MATCH (u)-[:LIKES]->(m:Movie)
  RETURN collect(m.movieId) AS movies
}
RETURN genres, movies
