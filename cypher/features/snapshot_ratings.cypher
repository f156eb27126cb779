// Every rating, for the in-memory rating index of the signal snapshot (user-kNN evidence, and each movie's
// rating times for the ranker's time-aware popularity).
MATCH (u:User)-[r:RATED]->(m:Movie)
RETURN u.userId AS userId, m.movieId AS movieId, r.rating AS rating, r.ratedAt AS ratedAt
