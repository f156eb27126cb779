// Stores a batch of implicit-feedback events, each once by its eventId ($events: [{i, eventId, userId, movieId, type,
// at, recommendationId, model, variant}], users and movies checked to exist by the caller). A new event is an
// (:Event) node (User)-[:DID]->(Event)-[:ON]->(Movie); a new view also adds to the user's viewing history,
// (User)-[:VIEWED {count, lastAt}]->(Movie), and raises the user's revision. Returns, per row, whether it was new
// (false: an event with this id was stored before, and nothing changed).
UNWIND $events AS e
MATCH (u:User {userId: e.userId})
MATCH (m:Movie {movieId: e.movieId})
MERGE (ev:Event {eventId: e.eventId})
WITH e, u, m, ev, ev.type IS NULL AS created
FOREACH (_ IN CASE WHEN created THEN [1] ELSE [] END |
  SET ev.type = e.type, ev.at = e.at, ev.userId = e.userId, ev.movieId = e.movieId,
      ev.recommendationId = e.recommendationId, ev.model = e.model, ev.variant = e.variant
  CREATE (u)-[:DID]->(ev)-[:ON]->(m))
FOREACH (_ IN CASE WHEN created AND e.type = 'view' THEN [1] ELSE [] END |
  MERGE (u)-[v:VIEWED]->(m)
  SET v.count = coalesce(v.count, 0) + 1,
      v.lastAt = CASE WHEN v.lastAt IS NULL OR v.lastAt < e.at THEN e.at ELSE v.lastAt END,
      u.revision = coalesce(u.revision, 0) + 1)
RETURN e.i AS i, created
