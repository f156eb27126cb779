// Records that versioned schema files were applied (visible in Neo4j Browser as :SchemaMigration nodes); a file
// recorded before keeps the time it was first applied.
UNWIND $migrations AS applied
MERGE (m:SchemaMigration {version: applied.version})
ON CREATE SET m.file = applied.file, m.appliedAt = applied.appliedAt
