// One retraining job's record.
MATCH (j:RetrainJob {id: $id})
RETURN j.json AS json
