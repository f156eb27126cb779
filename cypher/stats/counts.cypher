// Node and relationship counts (answered from Neo4j's count store, in constant time).
RETURN COUNT { (:User) } AS users, COUNT { (:Movie) } AS movies, COUNT { (:Genre) } AS genres,
       COUNT { ()-[:RATED]->() } AS ratings, COUNT { ()-[:TAGGED]->() } AS tags
