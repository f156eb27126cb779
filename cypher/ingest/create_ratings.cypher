// Creates ratings known not to exist yet (first import into a graph without ratings), grouped by movie
// ($movies: [{movieId, ratings: [[userId, rating, ratedAt], ...]}], movies in ascending id order, so that
// concurrent batches over disjoint users lock movies in the same order and cannot deadlock).
// Faster than MERGE: no existence check.
UNWIND $movies AS byMovie
MATCH (m:Movie {movieId: byMovie.movieId})
UNWIND byMovie.ratings AS rating
MATCH (u:User {userId: rating[0]})
CREATE (u)-[:RATED {rating: rating[1], ratedAt: rating[2]}]->(m)
