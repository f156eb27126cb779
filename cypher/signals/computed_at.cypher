// When the graph's materialized signals were last recomputed whole (epoch ms of the run's start; none: no row).
MATCH (s:ServiceState {key: 'signals'})
RETURN s.computedAt AS computedAt
