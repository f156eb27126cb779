// Takes the named lease for $holder until the database's clock reaches now + $ttlMillis, when it is free, expired or
// already $holder's. The first SET takes the node's write lock, so the holder read after it is the committed one
// (two replicas asking at once are served one after the other). Returns who holds it afterwards.
MERGE (l:Lease {name: $name})
SET l.askedAt = timestamp()
WITH l, l.holder IS NULL OR l.expiresAt < timestamp() OR l.holder = $holder AS free
FOREACH (_ IN CASE WHEN free THEN [1] ELSE [] END |
  SET l.holder = $holder, l.job = $job, l.acquiredAt = timestamp(), l.expiresAt = timestamp() + $ttlMillis)
RETURN l.holder AS holder, l.job AS job, l.expiresAt AS expiresAt, l.expiresAt - timestamp() AS remainingMillis,
       free AS acquired
