// What content similarity compares (signals/ContentSimilarity), every movie in one pass: its genres, year,
// rating count, and its tags (lower-cased, distinct).
MATCH (m:Movie)
CALL (m) {
  OPTIONAL MATCH (m)-[:IN_GENRE]->(g:Genre)
  RETURN collect(g.name) AS genres
}
CALL (m) {
  OPTIONAL MATCH (m)<-[t:TAGGED]-(:User)
  RETURN collect(DISTINCT toLower(t.tag)) AS tags
}
RETURN m.movieId AS movieId, m.year AS year, coalesce(m.ratingCount, 0) AS ratingCount, genres, tags
