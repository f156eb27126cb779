// users.csv (userId,age,gender,occupation,zip): written by `cinegraph export-csv`; the MovieLens CSV releases
// have no demographics, so skip this file for them.
LOAD CSV WITH HEADERS FROM 'file:///users.csv' AS row
CALL (row) {
  MERGE (u:User {userId: toInteger(row.userId)})
  SET u.age = toInteger(row.age), u.gender = row.gender, u.occupation = row.occupation, u.zip = row.zip
} IN TRANSACTIONS OF 5000 ROWS;
