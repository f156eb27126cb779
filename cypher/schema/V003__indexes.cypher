// V003: the users whose signals wait for a refresh are found by their mark. Idempotent; never edit once landed.
CREATE INDEX user_signals_stale IF NOT EXISTS FOR (u:User) ON (u.signalsStaleAt);
