// The demographic cohort of a batch of users, computed in signals/CohortLevels: u.cohortLevel, the finest of
// age band × gender × occupation (3), age band × gender (2), gender (1), everyone (0) that holds at least
// minUsers other users, and u.cohortUsers, its size.
UNWIND $rows AS row
MATCH (u:User {userId: row.userId})
SET u.cohortLevel = row.level, u.cohortUsers = row.users
