// Which of the given users and movies the graph holds (a batch of ratings is checked whole before it is written).
CALL () {
  UNWIND $userIds AS id
  MATCH (u:User {userId: id})
  RETURN collect(id) AS users
}
CALL () {
  UNWIND $movieIds AS id
  MATCH (m:Movie {movieId: id})
  RETURN collect(id) AS movies
}
RETURN users, movies
