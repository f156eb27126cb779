// Deletes one rating; returns how many were deleted (0 or 1). The user's materialized signals are marked stale
// ($staleAt, epoch ms) and their revision raised
// when a rating went, as by user/put_ratings.
OPTIONAL MATCH (u:User {userId: $userId})-[r:RATED]->(:Movie {movieId: $movieId})
DELETE r
WITH u, count(r) AS deleted
FOREACH (_ IN CASE WHEN deleted > 0 THEN [1] ELSE [] END | SET u.signalsStaleAt = $staleAt, u.revision = coalesce(u.revision, 0) + 1)
RETURN deleted
