// The ids of users with at least one rating, for the load benchmark's random picks.
MATCH (u:User)
WHERE EXISTS { (u)-[:RATED]->(:Movie) }
RETURN u.userId AS userId
ORDER BY userId
