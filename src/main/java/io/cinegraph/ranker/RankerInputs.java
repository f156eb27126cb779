package io.cinegraph.ranker;

import io.cinegraph.domain.TimeWindows;
import io.cinegraph.domain.UserSide;
import io.cinegraph.model.Collaborative;
import io.cinegraph.model.FractionalRanks;
import io.cinegraph.model.SortedIds;
import io.cinegraph.model.Sessions;
import io.cinegraph.signals.Feature;
import io.cinegraph.signals.FeatureVector;
import io.cinegraph.signals.SignalSnapshot;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Builds the network's inputs for one user and their candidate movies: the user's context (time T, history,
 * item-to-item scores over the catalogue), the in-memory candidates, and the input rows (dense features,
 * user and movie indexes, genre multi-hot, demographics one-hot). The same code serves training, evaluation
 * and requests.
 */
public final class RankerInputs {

    private static final long DAY = TimeWindows.DAY;
    private static final long WINDOW = TimeWindows.RECENT;

    private RankerInputs() {
    }

    /** What is computed once per user and shared by candidate generation and the rows. */
    public record UserContext(long userId, UserSide request, long time, double[] ease, double[] cosine,
                       FractionalRanks easeRank, FractionalRanks cosineRank, int[] history, double[] session, Set<Long> rated) {
    }

    /** Network inputs for a list of candidates, row i for {@code movieIds[i]}. */
    public record Rows(long[] movieIds, float[][] dense, float[] user, float[] movie, float[][] genres, float[][] demographics) {
        public int size() {
            return movieIds.length;
        }
    }

    public static UserContext context(long userId, UserSide request, SignalSnapshot snapshot,
                               Collaborative collaborative, int historySize) {
        long time = request.ratings().stream().mapToLong(UserSide.Rated::ratedAt).max()
                .orElse(snapshot.global().latestRatedAt());
        Set<Long> rated = SortedIds.of(request.ratings().stream().mapToLong(UserSide.Rated::movieId));
        List<Integer> items = new ArrayList<>();
        for (UserSide.Rated r : request.ratings()) {
            int i = collaborative.indexOf(r.movieId());
            if (i >= 0) {
                items.add(i);
            }
        }
        int[] itemArray = items.stream().mapToInt(Integer::intValue).toArray();
        int[] history = request.ratings().stream()
                .sorted(Comparator.comparingLong(UserSide.Rated::ratedAt).reversed()
                        .thenComparingLong(UserSide.Rated::movieId))
                .mapToInt(r -> collaborative.indexOf(r.movieId())).filter(i -> i >= 0).limit(historySize).toArray();
        double[] ease = collaborative.ease(itemArray);
        double[] cosine = collaborative.cosine(itemArray);
        return new UserContext(userId, request, time, ease, cosine, FractionalRanks.of(ease), FractionalRanks.of(cosine), history,
                collaborative.session(latestSession(request.ratings(), collaborative)), rated);
    }

    /**
     * The catalogue indexes of the user's latest session: their latest rating and every earlier one reached without
     * a gap longer than the session gap (see {@link Sessions}).
     */
    static int[] latestSession(List<UserSide.Rated> ratings, Collaborative collaborative) {
        List<UserSide.Rated> latestFirst = ratings.stream()
                .sorted(Comparator.comparingLong(UserSide.Rated::ratedAt).reversed()).toList();
        List<Integer> items = new ArrayList<>();
        for (int r = 0; r < latestFirst.size(); r++) {
            if (r > 0 && latestFirst.get(r - 1).ratedAt() - latestFirst.get(r).ratedAt() > collaborative.sessionGapSeconds()) {
                break;
            }
            int i = collaborative.indexOf(latestFirst.get(r).movieId());
            if (i >= 0) {
                items.add(i);
            }
        }
        return items.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The in-memory candidates, best first and de-duplicated: the {@link ModelCandidates} sources, each with its
     * quota; movies the user rated are left out.
     */
    public static List<Long> candidates(UserContext user, SignalSnapshot snapshot, Collaborative collaborative,
                                        RankerConfig config) {
        return ModelCandidates.candidates(user, ModelCandidates.quotas(user, snapshot, collaborative, config));
    }

    /** The input rows for the movies of {@code vectors} (graph features already extracted, in that order). */
    public static Rows rows(UserContext user, List<FeatureVector> vectors, SignalSnapshot snapshot, Collaborative collaborative,
                     RankerSchema schema, RankerSchema.Indexes indexes) {
        int n = vectors.size();
        int graphFeatures = Feature.values().length;
        long[] movieIds = new long[n];
        float[][] dense = new float[n][schema.denseSize()];
        float[] userIndex = new float[n];
        float[] movieIndex = new float[n];
        float[][] genres = new float[n][schema.genres().size()];
        float[][] demographics = new float[n][schema.demographicsSize()];
        int userRow = indexes.user.getOrDefault(user.userId(), 0);
        boolean newUser = user.request().ratings().isEmpty();
        float[] demo = demographics(user.request(), schema, indexes);
        int timeYear = Instant.ofEpochSecond(user.time()).atZone(ZoneOffset.UTC).getYear();
        int[] items = new int[n];
        for (int r = 0; r < n; r++) {
            items[r] = collaborative.indexOf(vectors.get(r).movieId());
        }
        // the recent history's item-to-item weights, one history row at a time (each row read once from memory);
        // every candidate's sum still runs over the history in its order
        double[] recentEases = new double[n];
        double[] recentCosines = new double[n];
        for (int h : user.history()) {
            for (int r = 0; r < n; r++) {
                if (items[r] >= 0) {
                    recentEases[r] += collaborative.easeWeight(h, items[r]);
                    recentCosines[r] = Math.max(recentCosines[r], collaborative.cosine(h, items[r]));
                }
            }
        }
        for (int r = 0; r < n; r++) {
            FeatureVector v = vectors.get(r);
            long movieId = v.movieId();
            movieIds[r] = movieId;
            float[] row = dense[r];
            for (int f = 0; f < graphFeatures; f++) {
                row[f] = (float) v.values()[f];
            }
            int item = items[r];
            double recentEase = recentEases[r];
            double recentCosine = recentCosines[r];
            if (item >= 0) {
                row[graphFeatures + ModelFeature.EASE_SCORE.ordinal()] = (float) user.ease()[item];
                row[graphFeatures + ModelFeature.EASE_FRACTIONAL_RANK.ordinal()] = (float) Math.log1p(user.easeRank().rank(item));
                row[graphFeatures + ModelFeature.COSINE_SCORE.ordinal()] = (float) user.cosine()[item];
                row[graphFeatures + ModelFeature.COSINE_FRACTIONAL_RANK.ordinal()] = (float) Math.log1p(user.cosineRank().rank(item));
            } else {
                row[graphFeatures + ModelFeature.EASE_FRACTIONAL_RANK.ordinal()] = (float) Math.log1p(collaborative.items());
                row[graphFeatures + ModelFeature.COSINE_FRACTIONAL_RANK.ordinal()] = (float) Math.log1p(collaborative.items());
            }
            row[graphFeatures + ModelFeature.SESSION_SCORE.ordinal()] = item >= 0 ? (float) user.session()[item] : 0;
            row[graphFeatures + ModelFeature.RECENT_EASE.ordinal()] = (float) recentEase;
            row[graphFeatures + ModelFeature.RECENT_COSINE.ordinal()] = (float) recentCosine;
            row[graphFeatures + ModelFeature.POPULARITY_30D.ordinal()] =
                    (float) Math.log1p(snapshot.ratingsBetween(movieId, user.time() - WINDOW, user.time()));
            row[graphFeatures + ModelFeature.POPULARITY_TO_T.ordinal()] =
                    (float) Math.log1p(snapshot.ratingsBetween(movieId, Long.MIN_VALUE, user.time()));
            java.util.OptionalLong first = snapshot.firstRatedAt(movieId);
            boolean notYet = first.isEmpty() || first.getAsLong() > user.time();
            row[graphFeatures + ModelFeature.DAYS_SINCE_FIRST.ordinal()] =
                    notYet ? 0 : (float) Math.log1p((user.time() - first.getAsLong()) / (double) DAY);
            row[graphFeatures + ModelFeature.NOT_YET_RATED.ordinal()] = notYet ? 1 : 0;
            SignalSnapshot.MovieSignals movie = snapshot.movie(movieId);
            Integer year = movie == null ? null : movie.year();
            row[graphFeatures + ModelFeature.AGE_AT_T.ordinal()] = year == null ? 0 : Math.max(0, timeYear - year);
            userIndex[r] = userRow;
            // a user without ratings is ranked on the movies' signals through one shared slot, not on the movie
            // embeddings, which learn what users with history watch next
            movieIndex[r] = newUser ? schema.newUserMovieSlot() : indexes.movie.getOrDefault(movieId, 0);
            if (movie != null) {
                for (String g : movie.genres()) {
                    Integer gi = indexes.genre.get(g);
                    if (gi != null) {
                        genres[r][gi] = 1;
                    }
                }
            }
            demographics[r] = demo;
        }
        return new Rows(movieIds, dense, userIndex, movieIndex, genres, demographics);
    }

    /** One-hot gender, age band and occupation (slot 0 of each = unknown), concatenated. */
    private static float[] demographics(UserSide user, RankerSchema schema, RankerSchema.Indexes indexes) {
        float[] out = new float[schema.demographicsSize()];
        int offset = 0;
        out[offset + (user.gender() == null ? 0 : indexes.gender.getOrDefault(user.gender(), 0))] = 1;
        offset += schema.genders().size() + 1;
        out[offset + (user.ageBand() == null ? 0 : indexes.ageBand.getOrDefault(user.ageBand(), 0))] = 1;
        offset += schema.ageBands().size() + 1;
        out[offset + (user.occupation() == null ? 0 : indexes.occupation.getOrDefault(user.occupation(), 0))] = 1;
        return out;
    }
}
