// The occupations the graph's users have (the dataset's vocabulary, e.g. ml-100k's 21), for checking sign-ups.
MATCH (u:User)
WHERE u.occupation IS NOT NULL
RETURN DISTINCT u.occupation AS occupation
ORDER BY occupation
