// Names of the constraints and indexes in the database (checks that the schema files are idempotent).
SHOW INDEXES YIELD name
RETURN name
ORDER BY name
