// V005: implicit feedback (events/*.cypher): each event stored once by its id, found by time for online metrics.
// Idempotent; never edit once landed.
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (e:Event) REQUIRE e.eventId IS UNIQUE;
CREATE INDEX event_at IF NOT EXISTS FOR (e:Event) ON (e.at);
