// The next number of a named sequence, shared by every replica (the write lock on the node serialises callers).
MERGE (s:ServiceState {key: $key})
SET s.value = coalesce(s.value, 0) + 1
RETURN s.value AS value
