// Creates or replaces a batch of ratings of existing users for existing movies, all in one transaction
// ($ratings: [{userId, movieId, rating, ratedAt}], each pair once; checked by the caller with user/existing_ids).
// Each user's materialized signals are marked stale ($staleAt, epoch ms), as by user/put_rating.
UNWIND $ratings AS row
MATCH (u:User {userId: row.userId})
MATCH (m:Movie {movieId: row.movieId})
MERGE (u)-[r:RATED]->(m)
WITH u, r, row, r.rating IS NULL AS created
SET r.rating = row.rating, r.ratedAt = row.ratedAt, u.signalsStaleAt = $staleAt
RETURN count(r) AS written, sum(CASE WHEN created THEN 1 ELSE 0 END) AS created
