// Creates or replaces one rating of an existing user for an existing movie; says whether it was new.
// Nothing is written when the user or the movie does not exist (no row comes back).
MATCH (u:User {userId: $userId})
MATCH (m:Movie {movieId: $movieId})
MERGE (u)-[r:RATED]->(m)
WITH r, r.rating IS NULL AS created
SET r.rating = $rating, r.ratedAt = $ratedAt
RETURN created
