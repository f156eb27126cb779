// Records that a versioned schema file was applied (visible in Neo4j Browser as :SchemaMigration nodes).
MERGE (m:SchemaMigration {version: $version})
ON CREATE SET m.file = $file, m.appliedAt = $appliedAt
