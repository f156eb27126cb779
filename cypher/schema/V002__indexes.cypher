// V002: look-ups the service and the signals make often. Idempotent; never edit once landed.
CREATE INDEX movie_year IF NOT EXISTS FOR (m:Movie) ON (m.year);
CREATE INDEX movie_title IF NOT EXISTS FOR (m:Movie) ON (m.title);
