// One user with demographics, rating count and mean rating.
MATCH (u:User {userId: $userId})
CALL (u) {
  OPTIONAL MATCH (u)-[r:RATED]->(:Movie)
  RETURN count(r) AS ratingCount, avg(r.rating) AS meanRating
}
RETURN u.userId AS userId, u.age AS age, u.gender AS gender, u.occupation AS occupation, u.zip AS zip,
       ratingCount, meanRating
