// Users whose ratings changed after their materialized signals were computed (user/put_ratings marks them),
// oldest mark first: what the background refresh still owes, e.g. after a crash.
MATCH (u:User)
WHERE u.signalsStaleAt IS NOT NULL
RETURN u.userId AS userId
ORDER BY u.signalsStaleAt
