// The ids of every movie, for the write benchmark's random picks.
MATCH (m:Movie)
RETURN m.movieId AS movieId
ORDER BY movieId
