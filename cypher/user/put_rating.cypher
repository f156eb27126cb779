// Creates or replaces one rating of an existing user for an existing movie; says whether it was new.
// Nothing is written when the user or the movie does not exist (no row comes back). The user's materialized
// signals are marked stale ($staleAt, epoch ms) in the same transaction: the background refresh
// (signals/StaleUsers) clears the mark, and one left by a crash is picked up at the next start.
MATCH (u:User {userId: $userId})
MATCH (m:Movie {movieId: $movieId})
MERGE (u)-[r:RATED]->(m)
WITH u, r, r.rating IS NULL AS created
SET r.rating = $rating, r.ratedAt = $ratedAt, u.signalsStaleAt = $staleAt
RETURN created
