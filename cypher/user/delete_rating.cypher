// Deletes one rating; returns how many were deleted (0 or 1).
OPTIONAL MATCH (:User {userId: $userId})-[r:RATED]->(:Movie {movieId: $movieId})
DELETE r
RETURN count(r) AS deleted
