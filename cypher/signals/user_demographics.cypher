// Every user's demographics, for the cohort sizes (signals/CohortLevels): one pass over the users.
MATCH (u:User)
RETURN u.userId AS userId, u.gender AS gender, u.ageBand AS ageBand, u.occupation AS occupation
