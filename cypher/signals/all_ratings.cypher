// Every rating, for the in-memory similarity steps (signals/CoRatings): one row per rating.
MATCH (u:User)-[r:RATED]->(m:Movie)
RETURN u.userId AS userId, m.movieId AS movieId, r.rating AS rating, r.ratedAt AS ratedAt
