// Waits until every index (those backing constraints included) is online, at most $seconds.
CALL db.awaitIndexes($seconds)
