// Population genre affinity p_g for every genre: $priors maps a genre's name to the mean of (r − μ_u) over the
// ratings of its movies, $supports to how many ratings that is (genres absent from the maps: 0).
// Computed in memory by signals/GenreAffinities; genre affinities are shrunk toward p_g.
MATCH (g:Genre)
SET g.priorAffinity = coalesce($priors[g.name], 0.0), g.ratingCount = coalesce($supports[g.name], 0)
