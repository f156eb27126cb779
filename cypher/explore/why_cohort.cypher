// Why was a movie recommended by cohort popularity: people of the user's cohort (u.cohortLevel) who rated it.
// In Neo4j Browser:  :param userId => 1   :param movieId => 288
MATCH (u:User {userId: $userId})
WITH u, coalesce(u.cohortLevel, 0) AS level
MATCH p = (c:User)-[r:RATED]->(m:Movie {movieId: $movieId})
WHERE c <> u
  AND (level = 0
    OR (level = 1 AND c.gender = u.gender)
    OR (level = 2 AND c.gender = u.gender AND c.ageBand = u.ageBand)
    OR (level = 3 AND c.gender = u.gender AND c.ageBand = u.ageBand AND c.occupation = u.occupation))
RETURN p
LIMIT 50
