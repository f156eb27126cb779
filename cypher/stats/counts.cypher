// Node and relationship counts (answered from Neo4j's count store, in constant time).
CALL () { MATCH (n:User) RETURN count(n) AS users }
CALL () { MATCH (n:Movie) RETURN count(n) AS movies }
CALL () { MATCH (n:Genre) RETURN count(n) AS genres }
CALL () { MATCH ()-[r:RATED]->() RETURN count(r) AS ratings }
CALL () { MATCH ()-[r:TAGGED]->() RETURN count(r) AS tags }
RETURN users, movies, genres, ratings, tags
