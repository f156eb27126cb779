// The latest $limit retraining jobs, newest first.
MATCH (j:RetrainJob)
RETURN j.json AS json
ORDER BY j.submittedAt DESC, j.id DESC
LIMIT $limit
