package io.cinegraph.signals;

import io.cinegraph.domain.UserSide;
import io.cinegraph.graph.FeatureRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One feature vector per candidate movie for one user: one round trip fetches the user's side (ratings,
 * genre affinities, neighbours); the neighbours' ratings and the movie side come from the
 * {@link SignalSnapshot}. Scores follow the formulas of {@code cypher/candidates} (a test checks that they agree).
 * A user's own rating never counts in the cohort figures of a movie they rated.
 */
@ApplicationScoped
public class FeatureExtractor {

    private final FeatureRepository repository;
    private final SignalSnapshots snapshots;
    private final SignalsConfig config;

    public FeatureExtractor(FeatureRepository repository, SignalSnapshots snapshots, SignalsConfig config) {
        this.repository = repository;
        this.snapshots = snapshots;
        this.config = config;
    }

    /** Feature vectors in the order of {@code movieIds} (unknown movies left out); empty for an unknown user. */
    public Optional<List<FeatureVector>> extract(long userId, List<Long> movieIds) {
        SignalSnapshot snapshot = snapshots.current();
        return request(userId, snapshot).map(user -> extract(user, movieIds, snapshot));
    }

    /**
     * Membership of the candidate movies, tested once per neighbour rating and SIMILAR entry: a bit set over the
     * (int-sized, non-negative) movie ids, so the hot loops neither box nor hash; other ids fall back to a set.
     */
    private static final class CandidateSet {
        private final java.util.BitSet ids = new java.util.BitSet();
        private final Set<Long> others = new HashSet<>();

        CandidateSet(List<Long> movieIds) {
            for (long id : movieIds) {
                if (id >= 0 && id <= Integer.MAX_VALUE) {
                    ids.set((int) id);
                } else {
                    others.add(id);
                }
            }
        }

        boolean contains(long id) {
            return id >= 0 && id <= Integer.MAX_VALUE ? ids.get((int) id) : others.contains(id);
        }
    }

    /**
     * The user's graph side, fetched in one round trip, with the statistics and genre affinities of their current
     * ratings ({@link LiveUserSignals}); empty for an unknown user.
     */
    public Optional<UserSide> request(long userId) {
        return request(userId, snapshots.current());
    }

    private Optional<UserSide> request(long userId, SignalSnapshot snapshot) {
        return repository.request(userId, config.viewRating())
                .map(side -> LiveUserSignals.current(byMovie(side, side.ratings()), snapshot, config.genreShrinkage()));
    }

    /**
     * {@code side} (as {@link #request} gave it, under {@code snapshot}) after {@code later} ratings (in commit order):
     * each in place of the user's earlier rating or view of its movie, statistics and genre affinities recomputed
     * once. Equal to what {@link #request} reads once the ratings are in the graph (the ratings are kept in movie
     * order, so even the sums are taken in the same order).
     */
    public UserSide withRatings(UserSide side, List<UserSide.Rated> later, SignalSnapshot snapshot) {
        Map<Long, UserSide.Rated> byMovie = new HashMap<>(2 * (side.ratings().size() + later.size()));
        for (UserSide.Rated r : side.ratings()) {
            byMovie.put(r.movieId(), r);
        }
        for (UserSide.Rated r : later) {
            byMovie.put(r.movieId(), r);
        }
        return LiveUserSignals.current(byMovie(side, new ArrayList<>(byMovie.values())), snapshot, config.genreShrinkage());
    }

    private static UserSide byMovie(UserSide side, List<UserSide.Rated> ratings) {
        List<UserSide.Rated> sorted = new ArrayList<>(ratings);
        sorted.sort(Comparator.comparingLong(UserSide.Rated::movieId));
        return new UserSide(side.ratingCount(), side.meanRating(), side.ratingSd(), side.cohortLevel(), side.gender(),
                side.ageBand(), side.occupation(), List.copyOf(sorted), side.prefers(), side.neighbours());
    }

    /** Feature vectors from a user's side already fetched (or built for a new user) and a snapshot. */
    public List<FeatureVector> extract(UserSide user, List<Long> movieIds, SignalSnapshot snapshot) {
        double mu = snapshot.global().globalMean();
        double userMean = user.meanRating() == null ? mu : user.meanRating();
        int latestYear = Instant.ofEpochSecond(snapshot.global().latestRatedAt()).atZone(ZoneOffset.UTC).getYear();
        double prior = config.popularityPriorWeight();
        CandidateSet candidates = new CandidateSet(movieIds);
        Map<Long, double[]> userKnn = new HashMap<>();
        for (UserSide.Neighbour n : user.neighbours()) {
            SignalSnapshot.UserRatings theirs = snapshot.ratingsOf(n.userId());
            if (theirs == null) {
                continue;
            }
            for (int i = 0; i < theirs.movieIds().length; i++) {
                long movieId = theirs.movieIds()[i];
                if (candidates.contains(movieId)) {
                    double[] acc = userKnn.computeIfAbsent(movieId, k -> new double[2]);
                    acc[0] += n.similarity() * (theirs.ratings()[i] - theirs.mean() + 1);
                    acc[1]++;
                }
            }
        }
        Map<Long, Double> ownRating = new HashMap<>();
        Map<Long, double[]> itemKnn = new HashMap<>();
        for (UserSide.Rated r : user.ratings()) {
            ownRating.put(r.movieId(), r.rating());
            SignalSnapshot.Similar similar = snapshot.similarTo(r.movieId());
            if (similar == null || r.rating() < userMean) {
                continue;
            }
            for (int i = 0; i < similar.movieIds().length; i++) {
                if (candidates.contains(similar.movieIds()[i])) {
                    double[] acc = itemKnn.computeIfAbsent(similar.movieIds()[i], k -> new double[2]);
                    acc[0] += similar.scores()[i] * (r.rating() - userMean + 1);
                    acc[1]++;
                }
            }
        }
        List<UserSide.Rated> history = user.ratings().stream()
                .sorted(Comparator.comparingLong(UserSide.Rated::ratedAt).reversed()
                        .thenComparingLong(UserSide.Rated::movieId))
                .limit(config.historySize()).toList();
        Map<Long, double[]> recent = new HashMap<>();
        for (UserSide.Rated h : history) {
            SignalSnapshot.Similar similar = snapshot.similarTo(h.movieId());
            if (similar == null) {
                continue;
            }
            for (int i = 0; i < similar.movieIds().length; i++) {
                if (candidates.contains(similar.movieIds()[i])) {
                    double[] acc = recent.computeIfAbsent(similar.movieIds()[i], k -> new double[2]);
                    acc[0] = Math.max(acc[0], similar.scores()[i]);
                    acc[1] += similar.scores()[i];
                }
            }
        }
        String cohortKey = SignalSnapshot.cohortKey(user.cohortLevel(), user.gender(), user.ageBand(), user.occupation());

        List<FeatureVector> out = new ArrayList<>(movieIds.size());
        for (long movieId : movieIds) {
            SignalSnapshot.MovieSignals m = snapshot.movie(movieId);
            if (m == null) {
                continue;
            }
            double[] v = new double[Feature.values().length];
            double[] uk = userKnn.getOrDefault(movieId, new double[2]);
            double[] ik = itemKnn.getOrDefault(movieId, new double[2]);
            double[] hist = recent.getOrDefault(movieId, new double[2]);
            SignalSnapshot.CohortStat cohort = snapshot.cohort(cohortKey, movieId);
            long cohortRatings = cohort.ratings();
            double cohortTotal = cohort.total();
            Double own = ownRating.get(movieId);
            if (own != null && cohortRatings > 0) {
                cohortRatings--;
                cohortTotal -= own;
            }
            double genreSum = 0;
            double genreBest = 0;
            boolean anyPreference = false;
            for (String g : m.genres()) {
                Double a = user.prefers().get(g);
                genreSum += a == null ? 0 : a;
                if (a != null) {
                    genreBest = anyPreference ? Math.max(genreBest, a) : a;
                    anyPreference = true;
                }
            }
            v[Feature.USER_KNN_SCORE.ordinal()] = uk[0];
            v[Feature.USER_KNN_SUPPORT.ordinal()] = uk[1];
            v[Feature.ITEM_KNN_SCORE.ordinal()] = ik[0];
            v[Feature.ITEM_KNN_SUPPORT.ordinal()] = ik[1];
            v[Feature.GENRE_MATCH.ordinal()] = m.genres().isEmpty() ? 0 : genreSum / m.genres().size();
            v[Feature.GENRE_BEST.ordinal()] = genreBest;
            v[Feature.COHORT_POPULARITY.ordinal()] = Math.log1p(cohortRatings);
            v[Feature.COHORT_MEAN.ordinal()] = (prior * mu + cohortTotal) / (prior + cohortRatings);
            v[Feature.LOG_POPULARITY.ordinal()] = Math.log1p(m.ratingCount());
            v[Feature.BAYES_MEAN.ordinal()] = m.bayesMean() == null ? mu : m.bayesMean();
            v[Feature.TREND.ordinal()] = Math.log1p(m.trend());
            v[Feature.MOVIE_AGE.ordinal()] = m.year() == null ? 0 : Math.max(0, latestYear - m.year());
            v[Feature.USER_ACTIVITY.ordinal()] = Math.log1p(user.ratingCount());
            v[Feature.USER_MEAN.ordinal()] = userMean;
            v[Feature.USER_SPREAD.ordinal()] = user.ratingSd() == null ? 0 : user.ratingSd();
            v[Feature.HISTORY_MAX.ordinal()] = hist[0];
            v[Feature.HISTORY_MEAN.ordinal()] = history.isEmpty() ? 0 : hist[1] / history.size();
            out.add(new FeatureVector(movieId, v));
        }
        return out;
    }
}
