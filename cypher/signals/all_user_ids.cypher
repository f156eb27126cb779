// Every user id, in order (the materialization job walks them in batches).
MATCH (u:User)
RETURN u.userId AS id
ORDER BY id
