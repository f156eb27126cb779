// Records the running A/B experiment for every replica ($json: its definition; null when it ended).
MERGE (s:ServiceState {key: 'experiment'})
SET s.json = $json
