// A user's ratings, latest first, with the movie's title and year.
MATCH (u:User {userId: $userId})-[r:RATED]->(m:Movie)
RETURN m.movieId AS movieId, m.title AS title, m.year AS year, r.rating AS rating, r.ratedAt AS ratedAt
ORDER BY r.ratedAt DESC, m.movieId
