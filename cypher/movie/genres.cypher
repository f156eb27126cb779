// Every genre with how many movies it has.
MATCH (g:Genre)
OPTIONAL MATCH (g)<-[:IN_GENRE]-(m:Movie)
RETURN g.name AS name, count(m) AS movies
ORDER BY name
