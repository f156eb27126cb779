// Nodes other than the bookkeeping ones (the dataset record, schema migrations, the service's shared state), from
// the count store.
CALL () { MATCH (n) RETURN count(n) AS all }
CALL () { MATCH (n:Dataset) RETURN count(n) AS datasets }
CALL () { MATCH (n:SchemaMigration) RETURN count(n) AS migrations }
CALL () { MATCH (n:ServiceState) RETURN count(n) AS states }
CALL () { MATCH (n:Lease) RETURN count(n) AS leases }
CALL () { MATCH (n:RetrainJob) RETURN count(n) AS jobs }
RETURN all - datasets - migrations - states - leases - jobs AS nodes
