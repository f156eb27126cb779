// Creates or replaces a retraining job's record ($json: the job as the API shows it), visible from every replica.
MERGE (j:RetrainJob {id: $id})
SET j.submittedAt = $submittedAt, j.state = $state, j.replica = $replica, j.json = $json
