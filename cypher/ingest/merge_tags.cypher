// Upserts a batch of tags of users that already exist: one TAGGED relationship per (user, movie, tag).
UNWIND $rows AS row
MATCH (u:User {userId: row.userId})
MATCH (m:Movie {movieId: row.movieId})
MERGE (u)-[t:TAGGED {tag: row.tag}]->(m)
SET t.taggedAt = row.taggedAt
