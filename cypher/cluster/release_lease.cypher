// Gives up $holder's lease (nothing happens when another replica holds it by now).
MATCH (l:Lease {name: $name})
WHERE l.holder = $holder
SET l.holder = null, l.job = null, l.expiresAt = null
