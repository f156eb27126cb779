// Which of the given movie ids exist.
UNWIND $movieIds AS movieId
MATCH (m:Movie {movieId: movieId})
RETURN m.movieId AS movieId
