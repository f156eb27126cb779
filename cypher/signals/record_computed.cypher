// Records that the signals were recomputed whole from the ratings read at $computedAt (epoch ms): other replicas
// then read their snapshot again.
MERGE (s:ServiceState {key: 'signals'})
SET s.computedAt = $computedAt
