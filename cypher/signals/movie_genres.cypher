// Every movie's genres, for the genre affinities computed in memory.
MATCH (m:Movie)-[:IN_GENRE]->(g:Genre)
RETURN m.movieId AS movieId, collect(g.name) AS genres
