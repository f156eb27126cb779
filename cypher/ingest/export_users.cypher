// Every user with demographics, for export-csv (users.csv).
MATCH (u:User)
RETURN u.userId AS userId, u.age AS age, u.gender AS gender, u.occupation AS occupation, u.zip AS zip
ORDER BY userId
