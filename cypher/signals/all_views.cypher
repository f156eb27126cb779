// Every viewed movie the viewer has not rated (the viewing history the signals count beside ratings), streamed:
// viewer, movie and the latest view (epoch seconds).
MATCH (u:User)-[v:VIEWED]->(m:Movie)
WHERE NOT (u)-[:RATED]->(m)
RETURN u.userId AS userId, m.movieId AS movieId, v.lastAt AS lastAt
