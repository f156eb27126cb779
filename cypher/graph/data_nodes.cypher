// Whether the graph holds any node other than the bookkeeping ones (the dataset record, schema migrations, the
// service's shared state): a row when it does, none when it does not. Stops at the first such node.
MATCH (n)
WHERE NOT (n:Dataset OR n:SchemaMigration OR n:ServiceState OR n:Lease OR n:RetrainJob)
RETURN true AS found
LIMIT 1
