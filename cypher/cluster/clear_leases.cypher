// Frees every lease: at the start of a service that owns its embedded database, no other process can hold one.
MATCH (l:Lease)
SET l.holder = null, l.job = null, l.expiresAt = null
