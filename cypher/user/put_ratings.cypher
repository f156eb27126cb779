// Creates or replaces a batch of ratings in one transaction ($ratings: [{userId, movieId, rating, ratedAt}], each
// (user, movie) pair at most once: the callers make sure of it). Returns, per row that was written, its index
// and whether the rating was new; a row whose user or movie does not exist writes nothing and returns nothing.
// Each user's materialized signals are marked stale ($staleAt, epoch ms) and their revision raised (once per row:
// replicas compare it with what they cached). Used by the
// batch endpoint (checked whole first) and by the group commit of single writes (ratings/RatingWriter).
UNWIND range(0, size($ratings) - 1) AS i
WITH i, $ratings[i] AS row
MATCH (u:User {userId: row.userId})
MATCH (m:Movie {movieId: row.movieId})
MERGE (u)-[r:RATED]->(m)
WITH i, u, r, row, r.rating IS NULL AS created
SET r.rating = row.rating, r.ratedAt = row.ratedAt, u.signalsStaleAt = $staleAt,
    u.revision = coalesce(u.revision, 0) + 1
RETURN i, created
