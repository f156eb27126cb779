// Jobs recorded as queued or running, with the replica that runs them.
MATCH (j:RetrainJob)
WHERE j.state IN ['QUEUED', 'RUNNING']
RETURN j.id AS id, j.replica AS replica, j.json AS json
