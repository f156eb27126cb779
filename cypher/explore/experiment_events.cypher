// What the users of one variant of an A/B experiment were shown and did: their events (impression, click, view,
// skip) and the movies, as a graph; the recommendationId ties an event to the answer that showed the movie.
// In Neo4j Browser:  :param variant => 'A'
MATCH p = (u:User)-[:DID]->(e:Event {variant: $variant})-[:ON]->(m:Movie)
WITH p, e ORDER BY e.at DESC
LIMIT 60
RETURN p
