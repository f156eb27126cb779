// Every tag, for export-csv (tags.csv).
MATCH (u:User)-[t:TAGGED]->(m:Movie)
RETURN u.userId AS userId, m.movieId AS movieId, t.tag AS tag, t.taggedAt AS taggedAt
