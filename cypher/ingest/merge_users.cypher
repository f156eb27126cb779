// Upserts a batch of users with their demographics (absent values remove the property).
UNWIND $rows AS row
MERGE (u:User {userId: row.userId})
SET u.age = row.age, u.gender = row.gender, u.occupation = row.occupation, u.zip = row.zip
