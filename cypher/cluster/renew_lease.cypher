// Extends $holder's lease by $ttlMillis from now; no row when $holder no longer holds it (it expired and was taken).
MATCH (l:Lease {name: $name})
WHERE l.holder = $holder
SET l.expiresAt = timestamp() + $ttlMillis
RETURN l.expiresAt AS expiresAt
