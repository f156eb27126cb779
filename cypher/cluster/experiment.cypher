// The running A/B experiment as recorded for every replica (its definition as JSON; no row when none runs).
MATCH (s:ServiceState {key: 'experiment'})
WHERE s.json IS NOT NULL
RETURN s.json AS json
