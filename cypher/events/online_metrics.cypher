// Online figures per model version and variant over the events since $since (epoch seconds) that came from a
// recommendation: impressions, clicks, views, skips, the distinct movies shown, and the recommended movies the user
// rated after they were shown (count and mean rating).
MATCH (ev:Event)
WHERE ev.at >= $since AND ev.model IS NOT NULL
WITH ev.model AS model, coalesce(ev.variant, 'default') AS variant, ev
CALL (ev) {
  OPTIONAL MATCH (:User {userId: ev.userId})-[r:RATED]->(:Movie {movieId: ev.movieId})
  WHERE ev.type = 'impression' AND r.ratedAt >= ev.at
  RETURN r.rating AS ratedAfter
}
RETURN model, variant,
       sum(CASE ev.type WHEN 'impression' THEN 1 ELSE 0 END) AS impressions,
       sum(CASE ev.type WHEN 'click' THEN 1 ELSE 0 END) AS clicks,
       sum(CASE ev.type WHEN 'view' THEN 1 ELSE 0 END) AS views,
       sum(CASE ev.type WHEN 'skip' THEN 1 ELSE 0 END) AS skips,
       count(DISTINCT CASE ev.type WHEN 'impression' THEN ev.movieId END) AS moviesShown,
       count(ratedAfter) AS ratedAfter, avg(ratedAfter) AS meanRatingAfter
ORDER BY model, variant
