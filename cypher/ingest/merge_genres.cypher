// Creates the genres a dataset declares up front (ml-100k's u.genre). Idempotent.
UNWIND $names AS name
MERGE (:Genre {name: name})
