// A user's revision: raised by every write that changes what their recommendations are computed from (ratings
// written or deleted), so that each replica can tell whether what it cached for them is still exact.
MATCH (u:User {userId: $userId})
RETURN coalesce(u.revision, 0) AS revision
