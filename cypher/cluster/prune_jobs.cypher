// Deletes the finished jobs beyond the newest $keep.
MATCH (j:RetrainJob)
WITH j ORDER BY j.submittedAt DESC, j.id DESC
WITH collect(j) AS jobs
UNWIND jobs[$keep..] AS old
WITH old WHERE NOT old.state IN ['QUEUED', 'RUNNING']
DELETE old
