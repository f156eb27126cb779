// Creates a user with the next free id (the unique constraint on userId turns a race into a retryable error),
// their demographics, and the genres and movies they say they like (LIKES). Unknown genres or movies are
// checked by the caller before this runs.
MATCH (n:User)
WITH coalesce(max(n.userId), 0) + 1 AS userId
CREATE (u:User {userId: userId, age: $age, gender: $gender, occupation: $occupation, zip: $zip, createdAt: $now})
WITH u
CALL (u) {
  UNWIND $likedGenres AS name
  MATCH (g:Genre {name: name})
  MERGE (u)-[:LIKES]->(g)
}
CALL (u) {
  UNWIND $likedMovies AS movieId
  MATCH (m:Movie {movieId: movieId})
  MERGE (u)-[:LIKES]->(m)
}
RETURN u.userId AS userId
