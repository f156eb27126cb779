// The demographic cohort of a batch of users, as u.cohortLevel: the finest of age band × gender × occupation
// (3), age band × gender (2), gender (1), everyone (0) that holds at least $minUsers other users, and
// u.cohortUsers, its size. Users without demographics are in cohort 0. Needs u.ageBand (user_stats).
UNWIND $userIds AS userId
MATCH (u:User {userId: userId})
CALL (u) {
  MATCH (c:User)
  WHERE c <> u
  WITH CASE
         WHEN u.gender IS NULL THEN 0
         WHEN c.ageBand = u.ageBand AND c.gender = u.gender AND c.occupation = u.occupation THEN 3
         WHEN c.ageBand = u.ageBand AND c.gender = u.gender THEN 2
         WHEN c.gender = u.gender THEN 1
         ELSE 0 END AS level
  WITH level, count(*) AS users
  WITH collect({level: level, users: users}) AS levels
  WITH [l IN range(3, 0, -1) | {level: l,
         users: reduce(total = 0, x IN levels | total + CASE WHEN x.level >= l THEN x.users ELSE 0 END)}] AS cumulative
  RETURN head([x IN cumulative WHERE x.users >= $minUsers | x] + [{level: 0, users: 0}]) AS cohort
}
SET u.cohortLevel = cohort.level, u.cohortUsers = cohort.users
