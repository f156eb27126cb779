// movies.csv (movieId,title,genres): the title's trailing "(1995)" (or "(2006-2007)", "(2016–)") becomes
// m.year; "(no genres listed)" gives no IN_GENRE relationship.
LOAD CSV WITH HEADERS FROM 'file:///movies.csv' AS row
CALL (row) {
  WITH row, trim(row.title) AS t
  WITH row, t, last(split(t, '(')) AS tail
  WITH row, t, tail,
       t =~ '.+\\(\\d{4}(\\s*[-\u2013]\\s*(\\d{4})?)?\\)' AND size(trim(substring(t, 0, size(t) - size(tail) - 1))) > 0 AS hasYear
  MERGE (m:Movie {movieId: toInteger(row.movieId)})
  SET m.title = CASE WHEN hasYear THEN trim(substring(t, 0, size(t) - size(tail) - 1)) ELSE t END,
      m.year = CASE WHEN hasYear THEN toInteger(left(tail, 4)) END
  WITH m, row
  UNWIND CASE WHEN row.genres IS NULL OR row.genres = '(no genres listed)' THEN [] ELSE split(row.genres, '|') END AS genreName
  MERGE (g:Genre {name: trim(genreName)})
  MERGE (m)-[:IN_GENRE]->(g)
} IN TRANSACTIONS OF 1000 ROWS;
