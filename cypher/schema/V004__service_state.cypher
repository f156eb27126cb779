// V004: the service's shared state, read and written by every replica (cluster/*.cypher). Idempotent; never edit
// once landed.
CREATE CONSTRAINT service_state_key IF NOT EXISTS FOR (s:ServiceState) REQUIRE s.key IS UNIQUE;
CREATE CONSTRAINT lease_name IF NOT EXISTS FOR (l:Lease) REQUIRE l.name IS UNIQUE;
CREATE CONSTRAINT retrain_job_id IF NOT EXISTS FOR (j:RetrainJob) REQUIRE j.id IS UNIQUE;
