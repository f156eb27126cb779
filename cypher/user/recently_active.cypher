// The users who rated most recently (u.lastRatedAt, written by the signals job), latest first: whom the service
// warms its caches for at start-up.
MATCH (u:User)
WHERE u.lastRatedAt IS NOT NULL
RETURN u.userId AS userId
ORDER BY u.lastRatedAt DESC, u.userId
LIMIT $limit
