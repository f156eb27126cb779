// Creates users known only by id (datasets without a users file) before their ratings or tags are written.
UNWIND $userIds AS userId
MERGE (:User {userId: userId})
