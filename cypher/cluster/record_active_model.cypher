// Records the model version every replica is to serve ($at epoch ms, $by the replica that activated it).
MERGE (s:ServiceState {key: 'model'})
SET s.version = $version, s.activatedAt = $at, s.activatedBy = $by
