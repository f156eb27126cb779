// Nodes other than the bookkeeping ones (the dataset record, schema migrations), from the count store.
CALL () { MATCH (n) RETURN count(n) AS all }
CALL () { MATCH (n:Dataset) RETURN count(n) AS datasets }
CALL () { MATCH (n:SchemaMigration) RETURN count(n) AS migrations }
RETURN all - datasets - migrations AS nodes
