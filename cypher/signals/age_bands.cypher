// The age band of a batch of users: the highest of $ageBands (each band's lowest age, ascending: ml-1m's bands, from
// domain/AgeBands) not above the age, the first band below it; null without age.
UNWIND $userIds AS userId
MATCH (u:User {userId: userId})
SET u.ageBand = CASE WHEN u.age IS NULL THEN null
  ELSE reduce(band = $ageBands[0], b IN $ageBands | CASE WHEN u.age >= b THEN b ELSE band END) END
