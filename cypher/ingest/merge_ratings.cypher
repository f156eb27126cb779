// Upserts ratings grouped by user ($users: [{userId, ratings: [[movieId, rating, ratedAt], ...]}]); users and
// movies already exist. Returns how many ratings were new and how many changed value or time.
UNWIND $users AS byUser
MATCH (u:User {userId: byUser.userId})
UNWIND byUser.ratings AS rating
MATCH (m:Movie {movieId: rating[0]})
MERGE (u)-[r:RATED]->(m)
WITH r, rating,
     r.rating IS NULL AS created,
     r.rating IS NOT NULL AND (r.rating <> rating[1] OR r.ratedAt <> rating[2]) AS changed
SET r.rating = rating[1], r.ratedAt = rating[2]
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN changed THEN 1 ELSE 0 END) AS updated
