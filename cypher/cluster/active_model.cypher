// The model version every replica serves, as recorded by the last promotion or activation (none: no row).
MATCH (s:ServiceState {key: 'model'})
WHERE s.version IS NOT NULL
RETURN s.version AS version, s.activatedAt AS activatedAt, s.activatedBy AS activatedBy
