package io.cinegraph.signals;

import io.cinegraph.graph.FeatureRepository;
import io.cinegraph.graph.SignalsRepository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable in-memory copy of the materialized signals (popularity, genres, year, SIMILAR lists, cohort
 * popularity) and of the rating matrix, read from the graph in streaming queries after every signal
 * recomputation and swapped in atomically. Per-request feature extraction then needs one round trip for the
 * user's own side only (ratings, affinities, neighbours), which is always current.
 */
public final class SignalSnapshot {

    /** A movie's signals. */
    public record MovieSignals(List<String> genres, Integer year, long ratingCount, Double bayesMean, double trend) {
    }

    /** A movie's SIMILAR targets and scores, best first. */
    public record Similar(long[] movieIds, double[] scores) {
    }

    /** Ratings of a movie by a cohort, and their sum. */
    public record CohortStat(long ratings, double total) {
    }

    private final SignalsRepository.GlobalStats global;
    private final Map<Long, MovieSignals> movies;
    private final Map<Long, Similar> similar;
    private final Map<String, Map<Long, CohortStat>> cohorts;
    private final Map<Long, UserRatings> ratings;

    /** A user's ratings (movie ids ascending) and mean, for user-kNN evidence; 8 bytes a rating. */
    public record UserRatings(int[] movieIds, float[] ratings, double mean) {
    }

    private SignalSnapshot(SignalsRepository.GlobalStats global, Map<Long, MovieSignals> movies,
                           Map<Long, Similar> similar, Map<String, Map<Long, CohortStat>> cohorts,
                           Map<Long, UserRatings> ratings) {
        this.global = global;
        this.movies = movies;
        this.similar = similar;
        this.cohorts = cohorts;
        this.ratings = ratings;
    }

    public static SignalSnapshot load(FeatureRepository features, SignalsRepository signals) {
        SignalsRepository.GlobalStats global = signals.globalStats();
        Map<Long, MovieSignals> movies = new HashMap<>();
        features.movies(m -> movies.put(m.movieId(), new MovieSignals(List.copyOf(m.genres()), m.year(),
                m.ratingCount(), m.bayesMean(), m.trend())));
        Map<Long, List<FeatureRepository.SimilarRow>> lists = new HashMap<>();
        features.similar(s -> lists.computeIfAbsent(s.from(), k -> new ArrayList<>()).add(s));
        Map<Long, Similar> similar = new HashMap<>();
        lists.forEach((from, rows) -> {
            rows.sort((a, b) -> Double.compare(b.score(), a.score()));
            similar.put(from, new Similar(rows.stream().mapToLong(FeatureRepository.SimilarRow::to).toArray(),
                    rows.stream().mapToDouble(FeatureRepository.SimilarRow::score).toArray()));
        });
        Map<String, Map<Long, CohortStat>> cohorts = new HashMap<>();
        features.cohorts(c -> {
            for (int level = 0; level <= 3; level++) {
                String key = cohortKey(level, c.gender(), c.ageBand(), c.occupation());
                if (key != null) {
                    cohorts.computeIfAbsent(key, k -> new HashMap<>())
                            .merge(c.movieId(), new CohortStat(c.ratings(), c.total()),
                                    (a, b) -> new CohortStat(a.ratings() + b.ratings(), a.total() + b.total()));
                }
            }
        });
        Map<Long, List<FeatureRepository.RatingRow>> byUser = new HashMap<>();
        features.ratings(r -> byUser.computeIfAbsent(r.userId(), k -> new ArrayList<>()).add(r));
        Map<Long, UserRatings> ratings = new HashMap<>();
        byUser.forEach((userId, rows) -> {
            rows.sort((a, b) -> Long.compare(a.movieId(), b.movieId()));
            int[] ids = new int[rows.size()];
            float[] values = new float[rows.size()];
            double sum = 0;
            for (int i = 0; i < ids.length; i++) {
                ids[i] = Math.toIntExact(rows.get(i).movieId());
                values[i] = (float) rows.get(i).rating();
                sum += rows.get(i).rating();
            }
            ratings.put(userId, new UserRatings(ids, values, sum / ids.length));
        });
        return new SignalSnapshot(global, Map.copyOf(movies), Map.copyOf(similar), cohorts, ratings);
    }

    /**
     * The key of the cohort of a given level for these demographics, as in {@code signals/cohort_levels.cypher}:
     * level 3 gender × age band × occupation, 2 gender × age band, 1 gender, 0 everyone; null when the
     * demographics needed are missing.
     */
    static String cohortKey(int level, String gender, Integer ageBand, String occupation) {
        return switch (level) {
            case 0 -> "0";
            case 1 -> gender == null ? null : "1|" + gender;
            case 2 -> gender == null || ageBand == null ? null : "2|" + gender + "|" + ageBand;
            default -> gender == null || ageBand == null || occupation == null ? null
                    : "3|" + gender + "|" + ageBand + "|" + occupation;
        };
    }

    public SignalsRepository.GlobalStats global() {
        return global;
    }

    public MovieSignals movie(long movieId) {
        return movies.get(movieId);
    }

    public Similar similarTo(long movieId) {
        return similar.get(movieId);
    }

    /** A user's ratings as of the snapshot, or null. */
    public UserRatings ratingsOf(long userId) {
        return ratings.get(userId);
    }

    /** The cohort's ratings of a movie (zero when none or when the cohort key is null). */
    public CohortStat cohort(String key, long movieId) {
        Map<Long, CohortStat> byMovie = key == null ? null : cohorts.get(key);
        CohortStat stat = byMovie == null ? null : byMovie.get(movieId);
        return stat == null ? new CohortStat(0, 0) : stat;
    }
}
