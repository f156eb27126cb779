// The plain Cypher collaborative filtering of Neo4j's recommendations guide ("Collaborative filtering: Pearson
// similarity"), computed from the ratings at query time: the user's 10 most Pearson-similar users among those
// with more than 10 co-rated movies, then their ratings of movies the user has not rated, weighted by similarity.
// Used by `cinegraph bench` as the speed reference; it reads no materialized signal.
MATCH (u1:User {userId: $userId})-[r:RATED]->(:Movie)
WITH u1, avg(r.rating) AS u1Mean
MATCH (u1)-[r1:RATED]->(m:Movie)<-[r2:RATED]-(u2:User)
WITH u1, u1Mean, u2, collect({r1: r1.rating, r2: r2.rating}) AS ratings
WHERE size(ratings) > 10
MATCH (u2)-[r:RATED]->(:Movie)
WITH u1, u1Mean, u2, avg(r.rating) AS u2Mean, ratings
UNWIND ratings AS r
WITH u1, u2, sum((r.r1 - u1Mean) * (r.r2 - u2Mean)) AS nom,
     sqrt(sum((r.r1 - u1Mean) ^ 2) * sum((r.r2 - u2Mean) ^ 2)) AS denom
WHERE denom <> 0
WITH u1, u2, nom / denom AS pearson
ORDER BY pearson DESC LIMIT 10
MATCH (u2)-[r:RATED]->(m:Movie)
WHERE NOT EXISTS { (u1)-[:RATED]->(m) }
RETURN m.movieId AS movieId, m.title AS title, sum(pearson * r.rating) AS score
ORDER BY score DESC LIMIT 25
