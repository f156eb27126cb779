// Every genre's population prior affinity p_g (signals/set_genre_priors; 0 before the first signal run), for the
// genre affinities a request computes from the user's current ratings (signals/LiveUserSignals).
MATCH (g:Genre)
RETURN g.name AS genre, coalesce(g.priorAffinity, 0.0) AS prior
