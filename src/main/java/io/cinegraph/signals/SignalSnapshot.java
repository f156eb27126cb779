package io.cinegraph.signals;

import io.cinegraph.domain.Sorted;
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
    public record MovieSignals(String title, List<String> genres, Integer year, long ratingCount, Double bayesMean, double trend) {
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
    /** The movies with at least one rating, most rated first: {@link #mostRatedBetween} stops early along it. */
    private final long[] byRatings;
    /** The times of {@link #byRatings}' ratings, in that order (each sorted). */
    private final long[][] timesByRatings;
    private final Map<Long, long[]> ratingTimes;
    /** Every rating in time order, for windows holding few of them (null when the times cannot be packed). */
    private final RatingTimeline timeline;
    /** Each genre's prior affinity p_g (signals/set_genre_priors), by name. */
    private final Map<String, Double> genrePriors;

    /** A user's ratings (movie ids ascending) and mean, for user-kNN evidence; 8 bytes a rating. */
    public record UserRatings(int[] movieIds, float[] ratings, double mean) {
    }

    private SignalSnapshot(SignalsRepository.GlobalStats global, Map<Long, MovieSignals> movies,
                           Map<Long, Similar> similar, Map<String, Map<Long, CohortStat>> cohorts,
                           Map<Long, UserRatings> ratings, Map<Long, long[]> ratingTimes, Map<String, Double> genrePriors) {
        this(global, movies, similar, cohorts, ratings, ratingTimes, genrePriors, RatingTimeline.of(ratingTimes));
    }

    private SignalSnapshot(SignalsRepository.GlobalStats global, Map<Long, MovieSignals> movies,
                           Map<Long, Similar> similar, Map<String, Map<Long, CohortStat>> cohorts,
                           Map<Long, UserRatings> ratings, Map<Long, long[]> ratingTimes, Map<String, Double> genrePriors,
                           RatingTimeline timeline) {
        this.timeline = timeline;
        this.global = global;
        this.genrePriors = genrePriors;
        this.movies = movies;
        this.similar = similar;
        this.cohorts = cohorts;
        this.ratings = ratings;
        this.ratingTimes = ratingTimes;
        this.byRatings = movies.keySet().stream()
                .filter(m -> ratingTimes.containsKey(m) && ratingTimes.get(m).length > 0)
                .sorted((a, b) -> Integer.compare(ratingTimes.get(b).length, ratingTimes.get(a).length))
                .mapToLong(Long::longValue).toArray();
        this.timesByRatings = new long[byRatings.length][];
        for (int i = 0; i < byRatings.length; i++) {
            timesByRatings[i] = ratingTimes.get(byRatings[i]);
        }
    }

    /** A snapshot of the catalogue alone (no similarity lists, cohorts or ratings), e.g. for a service under test. */
    public static SignalSnapshot ofMovies(SignalsRepository.GlobalStats global, Map<Long, MovieSignals> movies) {
        return new SignalSnapshot(global, Map.copyOf(movies), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
    }

    /** This snapshot with one more movie (a catalogue item added since it was read), or one movie's signals replaced. */
    public SignalSnapshot withMovie(long movieId, MovieSignals movie) {
        Map<Long, MovieSignals> more = new HashMap<>(movies);
        more.put(movieId, movie);
        return new SignalSnapshot(global, Map.copyOf(more), similar, cohorts, ratings, ratingTimes, genrePriors, timeline);
    }

    /** The catalogue and its ratings' times only (no similarity lists, cohorts or user ratings). */
    static SignalSnapshot ofRatings(SignalsRepository.GlobalStats global, Map<Long, MovieSignals> movies, RatingTable table) {
        return new SignalSnapshot(global, Map.copyOf(movies), Map.of(), Map.of(), Map.of(),
                SnapshotRatings.ratingTimes(table), Map.of());
    }

    /** Reads the signals and every rating from the graph. */
    public static SignalSnapshot load(FeatureRepository features, SignalsRepository signals) {
        RatingTable table = RatingTable.read(signals);
        return load(features, signals, table, new RatingStats(table).global());
    }

    /** Reads the signals from the graph; the ratings are {@code table}'s, read once by the signal job. */
    static SignalSnapshot load(FeatureRepository features, SignalsRepository signals, RatingTable table,
                               SignalsRepository.GlobalStats global) {
        Map<Long, MovieSignals> movies = new HashMap<>();
        features.movies(m -> movies.put(m.movieId(), new MovieSignals(m.title(), List.copyOf(m.genres()), m.year(),
                m.ratingCount(), m.bayesMean(), m.trend())));
        Map<Long, List<FeatureRepository.SimilarRow>> lists = new HashMap<>();
        features.similar(s -> lists.computeIfAbsent(s.from(), k -> new ArrayList<>()).add(s));
        Map<Long, Similar> similar = new HashMap<>();
        lists.forEach((from, rows) -> {
            rows.sort((a, b) -> Double.compare(b.score(), a.score()));
            similar.put(from, new Similar(rows.stream().mapToLong(FeatureRepository.SimilarRow::to).toArray(),
                    rows.stream().mapToDouble(FeatureRepository.SimilarRow::score).toArray()));
        });
        List<SignalsRepository.Demographics> demographics = new ArrayList<>();
        signals.userDemographics(demographics::add);
        Map<String, Map<Long, CohortStat>> cohorts = SnapshotRatings.cohorts(table, demographics);
        Map<Long, UserRatings> ratings = SnapshotRatings.userRatings(table);
        Map<Long, long[]> ratingTimes = SnapshotRatings.ratingTimes(table);
        return new SignalSnapshot(global, Map.copyOf(movies), Map.copyOf(similar), cohorts, ratings, ratingTimes,
                Map.copyOf(features.genrePriors()));
    }

    /**
     * The key of the cohort of a given level for these demographics, as in {@code signals/CohortLevels}:
     * level 3 gender × age band × occupation, 2 gender × age band, 1 gender, 0 everyone; null when the
     * demographics needed are missing.
     */
    public static String cohortKey(int level, String gender, Integer ageBand, String occupation) {
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

    /** A genre's prior affinity p_g as of the last signal run (0 for a genre it did not know). */
    public double genrePrior(String genre) {
        return genrePriors.getOrDefault(genre, 0.0);
    }

    /** Every movie of the snapshot. */
    public java.util.Set<Long> movieIds() {
        return movies.keySet();
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

    /** How many ratings the movie received in the time window (from, to], seconds since the epoch. */
    public int ratingsBetween(long movieId, long from, long to) {
        long[] t = ratingTimes.get(movieId);
        return t == null ? 0 : Sorted.countAtMost(t, to) - Sorted.countAtMost(t, from);
    }

    /** A movie and how many ratings it received in a time window. */
    public record Count(long movieId, int ratings) {
    }

    /** Most ratings first, ties by movie id. */
    static final java.util.Comparator<Count> MOST_RATED_FIRST = (a, b) -> a.ratings() != b.ratings()
            ? Integer.compare(b.ratings(), a.ratings()) : Long.compare(a.movieId(), b.movieId());

    /**
     * The {@code limit} movies with the most ratings in the window (from, to], most first and ties by id, among
     * those {@code allowed} and with at least one rating there: counted from the time-ordered ratings
     * ({@link RatingTimeline}, at most about three times the catalogue whatever the window); when the times cannot
     * be packed, by visiting movies most rated overall first and stopping once a movie's ratings of all time are
     * fewer than the last kept one's in the window.
     */
    public List<Count> mostRatedBetween(long from, long to, int limit, java.util.function.LongPredicate allowed) {
        if (limit <= 0) {
            return List.of();
        }
        return timeline != null ? timeline.mostRated(from, to, limit, allowed) : mostRatedByMovie(from, to, limit, allowed);
    }

    /** {@link #mostRatedBetween} by the visit in order of all-time popularity. */
    List<Count> mostRatedByMovie(long from, long to, int limit, java.util.function.LongPredicate allowed) {
        java.util.PriorityQueue<Count> kept = new java.util.PriorityQueue<>(limit + 1, MOST_RATED_FIRST.reversed());
        for (int i = 0; i < byRatings.length; i++) {
            long[] times = timesByRatings[i];
            if (kept.size() == limit && times.length < kept.peek().ratings()) {
                break;
            }
            int n = Sorted.countAtMost(times, to) - Sorted.countAtMost(times, from);
            if (n == 0) {
                continue;
            }
            long movieId = byRatings[i];
            // whether it could enter is cheaper to know than whether it is allowed
            boolean enters = kept.size() < limit || n > kept.peek().ratings()
                    || n == kept.peek().ratings() && movieId < kept.peek().movieId();
            if (enters && allowed.test(movieId)) {
                kept.add(new Count(movieId, n));
                if (kept.size() > limit) {
                    kept.poll();
                }
            }
        }
        List<Count> out = new ArrayList<>(kept);
        out.sort(MOST_RATED_FIRST);
        return out;
    }

    /** {@link #mostRatedBetween} counted from the time-ordered ratings one way or the other (tests; packed times only). */
    List<Count> mostRatedByTime(long from, long to, int limit, java.util.function.LongPredicate allowed, boolean direct) {
        return timeline.mostRated(from, to, limit, allowed, direct);
    }

    /** When the movie was first rated, or empty when it has no rating. */
    public java.util.OptionalLong firstRatedAt(long movieId) {
        long[] t = ratingTimes.get(movieId);
        return t == null || t.length == 0 ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(t[0]);
    }

    /** Every movie the cohort rated, with the cohort's rating count and sum (empty for an unknown key). */
    public Map<Long, CohortStat> cohortMovies(String key) {
        Map<Long, CohortStat> byMovie = key == null ? null : cohorts.get(key);
        return byMovie == null ? Map.of() : java.util.Collections.unmodifiableMap(byMovie);
    }

    /** The cohort's ratings of a movie (zero when none or when the cohort key is null). */
    public CohortStat cohort(String key, long movieId) {
        Map<Long, CohortStat> byMovie = key == null ? null : cohorts.get(key);
        CohortStat stat = byMovie == null ? null : byMovie.get(movieId);
        return stat == null ? new CohortStat(0, 0) : stat;
    }
}
