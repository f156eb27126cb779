// Ratings per movie within each finest demographic cohort (gender × age band × occupation); coarser cohorts
// are their sums. For the in-memory signal snapshot.
MATCH (c:User)-[r:RATED]->(m:Movie)
RETURN c.gender AS gender, c.ageBand AS ageBand, c.occupation AS occupation, m.movieId AS movieId,
       count(r) AS ratings, sum(r.rating) AS total
