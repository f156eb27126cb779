// The graph's model: every label, every relationship type and how they connect.
// In Neo4j Browser: run it and look at the picture.
CALL db.schema.visualization()
