// Deletes up to $limit nodes (users, movies, genres, dataset records) with their relationships; the schema
// and its migration records stay. Run repeatedly until it deletes nothing.
MATCH (n)
WHERE NOT n:SchemaMigration
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted
