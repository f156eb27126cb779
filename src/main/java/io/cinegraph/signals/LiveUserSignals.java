package io.cinegraph.signals;

import io.cinegraph.domain.UserSide;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A user's own signals computed from their current ratings when a request reads them, so that a rating counts in
 * the very next request, before the background refresh ({@link StaleUsers}) rewrites the graph's materialized
 * copy: rating count, mean and population standard deviation ({@code signals/user_stats.cypher}) and genre
 * affinities ({@code signals/genre_affinity.cypher}: (Σ_{m∈g} (r − μ_u) + λ·p_g) / (n_ug + λ)) with the snapshot's
 * genre priors p_g and movie genres. Right after a signal run they equal the materialized values.
 */
public final class LiveUserSignals {

    private LiveUserSignals() {
    }

    /** {@code side} with its statistics and genre affinities recomputed from its ratings; λ = {@code shrinkage}. */
    public static UserSide current(UserSide side, SignalSnapshot snapshot, double shrinkage) {
        List<UserSide.Rated> ratings = side.ratings();
        if (ratings.isEmpty()) {
            return new UserSide(0, null, null, side.cohortLevel(), side.gender(), side.ageBand(), side.occupation(),
                    ratings, Map.of(), side.neighbours());
        }
        double sum = 0;
        for (UserSide.Rated r : ratings) {
            sum += r.rating();
        }
        double mean = sum / ratings.size();
        double squares = 0;
        for (UserSide.Rated r : ratings) {
            squares += (r.rating() - mean) * (r.rating() - mean);
        }
        double sd = Math.sqrt(squares / ratings.size());
        Map<String, double[]> byGenre = new HashMap<>();
        for (UserSide.Rated r : ratings) {
            SignalSnapshot.MovieSignals movie = snapshot.movie(r.movieId());
            if (movie == null) {
                continue;
            }
            for (String g : movie.genres()) {
                double[] acc = byGenre.computeIfAbsent(g, k -> new double[2]);
                acc[0] += r.rating() - mean;
                acc[1]++;
            }
        }
        Map<String, Double> prefers = new HashMap<>();
        byGenre.forEach((g, acc) -> prefers.put(g, (acc[0] + shrinkage * snapshot.genrePrior(g)) / (acc[1] + shrinkage)));
        return new UserSide(ratings.size(), mean, sd, side.cohortLevel(), side.gender(), side.ageBand(),
                side.occupation(), ratings, prefers, side.neighbours());
    }
}
