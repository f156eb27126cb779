// Every materialized SIMILAR relationship, for the in-memory signal snapshot.
MATCH (i:Movie)-[s:SIMILAR]->(j:Movie)
RETURN i.movieId AS from, j.movieId AS to, s.score AS score
