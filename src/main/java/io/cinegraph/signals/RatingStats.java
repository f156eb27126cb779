package io.cinegraph.signals;

import io.cinegraph.graph.SignalsRepository.GlobalStats;
import io.cinegraph.graph.SignalsRepository.MoviePopularity;
import io.cinegraph.graph.SignalsRepository.UserStats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Per-user statistics, per-movie popularity and the graph-wide figures, computed in memory from the
 * {@link RatingTable} with the formulas of {@code cypher/signals/user_stats.cypher}, {@code movie_popularity.cypher}
 * and {@code global_stats.cypher} (which refresh single users and movies on demand).
 */
final class RatingStats {

    private final RatingTable table;
    private final int[] userStart;
    private final int[] byUser;
    private final int[] movieStart;
    private final int[] byMovie;

    RatingStats(RatingTable table) {
        this.table = table;
        userStart = table.userStart;
        byUser = table.byUser;
        movieStart = RatingTable.starts(table.movie, table.movieIds.length);
        byMovie = new int[table.size()];
        int[] next = movieStart.clone();
        for (int r = 0; r < table.size(); r++) {
            byMovie[next[table.movie[r]]++] = r;
        }
    }

    /** Mean rating, latest rating time, rating count and the highest rating (5 on an empty graph, as the query). */
    GlobalStats global() {
        double sum = 0;
        long latest = 0;
        double max = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < table.size(); r++) {
            sum += table.rating[r];
            latest = Math.max(latest, table.time[r]);
            max = Math.max(max, table.rating[r]);
        }
        int n = table.size();
        return new GlobalStats(n == 0 ? 0 : sum / n, latest, n, n == 0 ? 5 : max);
    }

    /** n_u, mean, population standard deviation and latest rating time of each user (nulls without ratings). */
    List<UserStats> users(List<Long> ids) {
        List<UserStats> out = new ArrayList<>(ids.size());
        for (long id : ids) {
            int u = Arrays.binarySearch(table.userIds, id);
            int from = u < 0 ? 0 : userStart[u];
            int to = u < 0 ? 0 : userStart[u + 1];
            if (from == to) {
                out.add(new UserStats(id, 0, null, null, null));
                continue;
            }
            double sum = 0;
            long latest = Long.MIN_VALUE;
            for (int i = from; i < to; i++) {
                sum += table.rating[byUser[i]];
                latest = Math.max(latest, table.time[byUser[i]]);
            }
            double mean = sum / (to - from);
            double squares = 0;
            for (int i = from; i < to; i++) {
                double d = table.rating[byUser[i]] - mean;
                squares += d * d;
            }
            out.add(new UserStats(id, to - from, mean, Math.sqrt(squares / (to - from)), latest));
        }
        return out;
    }

    /**
     * n_m, mean, Bayesian mean (C·μ + Σr)/(C + n_m) and trend Σ 2^(−(T − t)/h) of each movie, T the latest rating of
     * {@code global}, C = {@code priorWeight}, h = {@code halfLifeSeconds}.
     */
    List<MoviePopularity> movies(List<Long> ids, GlobalStats global, double priorWeight, double halfLifeSeconds) {
        List<MoviePopularity> out = new ArrayList<>(ids.size());
        for (long id : ids) {
            int m = Arrays.binarySearch(table.movieIds, id);
            int from = m < 0 ? 0 : movieStart[m];
            int to = m < 0 ? 0 : movieStart[m + 1];
            double total = 0;
            double trend = 0;
            for (int i = from; i < to; i++) {
                int r = byMovie[i];
                total += table.rating[r];
                trend += Math.pow(2.0, -(double) (global.latestRatedAt() - table.time[r]) / halfLifeSeconds);
            }
            int n = to - from;
            out.add(new MoviePopularity(id, n, total, n == 0 ? null : total / n,
                    (priorWeight * global.globalMean() + total) / (priorWeight + n), trend));
        }
        return out;
    }
}
