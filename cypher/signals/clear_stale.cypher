// Clears the stale mark of users refreshed from $refreshedFrom (epoch ms) on; a mark set by a later write stays.
// $userIds null clears every such mark (a full signal run started at $refreshedFrom).
MATCH (u:User)
WHERE u.signalsStaleAt <= $refreshedFrom AND ($userIds IS NULL OR u.userId IN $userIds)
REMOVE u.signalsStaleAt
