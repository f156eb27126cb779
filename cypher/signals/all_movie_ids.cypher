// Every movie id, in order (the materialization job walks them in batches).
MATCH (m:Movie)
RETURN m.movieId AS id
ORDER BY id
