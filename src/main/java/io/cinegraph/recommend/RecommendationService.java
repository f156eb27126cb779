package io.cinegraph.recommend;

import io.cinegraph.training.ModelRegistry;

import io.cinegraph.catalog.NotFoundException;
import io.cinegraph.graph.FeatureRepository;
import io.cinegraph.ranker.RankerConfig;
import io.cinegraph.ranker.RankerInputs;
import io.cinegraph.ranker.RankerModel;
import io.cinegraph.ranker.StatedPreferences;
import io.cinegraph.graph.UserRepository;
import io.cinegraph.domain.Candidate;
import io.cinegraph.signals.CandidateSource;
import io.cinegraph.signals.CandidateSources;
import io.cinegraph.domain.Explanation;
import io.cinegraph.signals.FeatureExtractor;
import io.cinegraph.signals.SignalSnapshot;
import io.cinegraph.signals.SignalSnapshots;
import io.cinegraph.signals.SignalsConfig;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The two-stage serving path: candidates from the graph generators (cached per user, filled in the background)
 * and the ranker's own in-memory ones, de-duplicated, then one batched forward pass of the active ranker; filters apply before truncation; each
 * result carries score, predicted stars and an explanation. With no active model, the named fallback ranks.
 */
@ApplicationScoped
public class RecommendationService {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(RecommendationService.class);

    private final FeatureExtractor extractor;
    private final SignalSnapshots snapshots;
    private final CandidateSources sources;
    private final ModelRegistry registry;
    private final RankerConfig config;
    private final SignalsConfig signalsConfig;
    private final UserRepository users;
    private final MeterRegistry meters;
    private final Cache<Long, Proposals> proposals;
    private final Cache<Long, UserSide> userSides;
    private final Cache<Long, Ranked> rankings;
    private final java.util.Set<Long> pending = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** One low-priority thread fills the generator cache; when its queue is full, misses are simply not queued. */
    private final java.util.concurrent.ThreadPoolExecutor filler;

    public RecommendationService(FeatureExtractor extractor, SignalSnapshots snapshots, CandidateSources sources,
                                 ModelRegistry registry, RankerConfig config, SignalsConfig signalsConfig,
                                 UserRepository users, MeterRegistry meters) {
        this.users = users;
        this.meters = meters;
        this.proposals = Caffeine.newBuilder().maximumSize(config.candidateCacheSize()).build();
        this.userSides = Caffeine.newBuilder().maximumSize(config.candidateCacheSize()).build();
        this.rankings = Caffeine.newBuilder().maximumSize(config.candidateCacheSize()).build();
        this.filler = new java.util.concurrent.ThreadPoolExecutor(1, 1, 0, java.util.concurrent.TimeUnit.MILLISECONDS,
                new java.util.concurrent.LinkedBlockingQueue<>(config.candidateCacheSize()), r -> {
                    Thread t = new Thread(r, "cinegraph-candidates");
                    t.setDaemon(true);
                    t.setPriority(Thread.MIN_PRIORITY);
                    return t;
                }, new java.util.concurrent.ThreadPoolExecutor.AbortPolicy());
        this.extractor = extractor;
        this.snapshots = snapshots;
        this.sources = sources;
        this.registry = registry;
        this.config = config;
        this.signalsConfig = signalsConfig;
    }

    /**
     * Recommendations for a user of the graph, from their current ratings; for a new user (fewer than
     * {@link RankerModel#STATED_PREFERENCES_BELOW} ratings) what they said they like at sign-up counts too (cold
     * start: demographics, liked genres and movies).
     * <p>
     * The ranked candidate list (before filters) is kept per user while it is exact, that is while the user's
     * ratings, the signal snapshot, the active model and the generators' proposals are the ones it was ranked
     * from; a rating write ({@link #forget}), a recomputation of the signals or a model swap makes the next
     * request rank afresh. Filters, stars and explanations are applied per request.
     */
    public Recommendations recommend(long userId, RecommendationQuery query) {
        SignalSnapshot snapshot = snapshots.current();
        var model = registry.active();
        Map<Long, List<Candidate>> proposed = proposals(userId, snapshot, model.isEmpty());
        if (model.isEmpty()) {
            return fallback(userId, side(userId, snapshot, query.fresh()).request(), snapshot, proposed, query);
        }
        RankerModel ranker = model.get();
        Ranked ranked = query.fresh() ? null : rankings.getIfPresent(userId);
        if (ranked == null || ranked.snapshot() != snapshot || ranked.model() != ranker || ranked.proposed() != proposed) {
            ranked = rank(userId, side(userId, snapshot, query.fresh()), snapshot, ranker, proposed);
            rankings.put(userId, ranked);
        }
        return answer(userId, ranked, query);
    }

    /**
     * The user's side of the features: their graph side, plus what a new user stated at sign-up (and the genres
     * they stated, while they count).
     */
    private UserSide side(long userId, SignalSnapshot current, boolean fresh) {
        UserSide cachedSide = fresh ? null : userSides.getIfPresent(userId);
        if (cachedSide != null && cachedSide.snapshot() == current) {
            return cachedSide;
        }
        io.cinegraph.domain.UserSide request = extractor.request(userId)
                .orElseThrow(() -> new NotFoundException("user", userId));
        List<String> statedGenres = List.of();
        if (request.ratings().size() < RankerModel.STATED_PREFERENCES_BELOW) {
            // a new user: what they said they like at sign-up stands beside their first few ratings
            UserRepository.Likes likes = users.likes(userId);
            request = new StatedPreferences(likes.genres(), likes.movies())
                    .apply(request, current.global().ratingMax(), current.global().latestRatedAt());
            statedGenres = likes.genres();
        }
        UserSide side = new UserSide(current, request, statedGenres);
        userSides.put(userId, side);
        return side;
    }

    /** Every candidate ranked by the model, best first, with what the answer needs to explain and rate them. */
    private Ranked rank(long userId, UserSide side, SignalSnapshot snapshot, RankerModel ranker,
                        Map<Long, List<Candidate>> proposed) {
        io.cinegraph.domain.UserSide request = side.request();
        RankerInputs.UserContext context = ranker.context(userId, request, snapshot, signalsConfig.historySize());
        List<RankerModel.Scored> order = ranker.rank(context, proposed.keySet(), snapshot, extractor, config);
        if (!side.statedGenres().isEmpty()) {
            order = StatedPreferences.leadWithLikedGenres(order, s -> {
                SignalSnapshot.MovieSignals movie = snapshot.movie(s.movieId());
                return movie != null && movie.genres().stream().anyMatch(side.statedGenres()::contains);
            });
        }
        long[] movies = new long[order.size()];
        float[] scores = new float[order.size()];
        for (int i = 0; i < movies.length; i++) {
            movies[i] = order.get(i).movieId();
            scores[i] = (float) order.get(i).score();
        }
        return new Ranked(snapshot, ranker, proposed, request, context.time(), movies, scores);
    }

    /** The first {@code limit} ranked movies that pass the query's filters, with stars and explanations. */
    private Recommendations answer(long userId, Ranked ranked, RecommendationQuery query) {
        SignalSnapshot snapshot = ranked.snapshot();
        RankerModel ranker = ranked.model();
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < ranked.movies().length && chosen.size() < query.limit(); i++) {
            SignalSnapshot.MovieSignals movie = snapshot.movie(ranked.movies()[i]);
            if (movie != null && query.accepts(ranked.movies()[i], movie.genres(), movie.year())) {
                chosen.add(i);
            }
        }
        long[] ids = chosen.stream().mapToLong(i -> ranked.movies()[i]).toArray();
        double[] stars = ranked.stars(userId, ids);
        List<Recommendation> out = new ArrayList<>(ids.length);
        for (int k = 0; k < ids.length; k++) {
            long movieId = ids[k];
            SignalSnapshot.MovieSignals movie = snapshot.movie(movieId);
            List<Candidate> by = ranked.proposed().getOrDefault(movieId, List.of());
            Explanation why = !query.explain() ? null
                    : by.isEmpty() ? Explanations.ofRanker(userId, movieId, ranked.request(), ranked.time(), ranker, snapshot)
                    : by.get(0).explanation();
            out.add(new Recommendation(movieId, movie.title(), movie.year(), movie.genres(), ranked.scores()[chosen.get(k)],
                    stars[k], by.isEmpty() ? List.of("ranker") : by.stream().map(c -> c.explanation().source()).toList(), why));
        }
        return counted(new Recommendations(userId, ranker.info().version(), false, out));
    }

    /** Without an active model: the named fallback, user-kNN then popular. */
    private Recommendations fallback(long userId, io.cinegraph.domain.UserSide request, SignalSnapshot snapshot,
                                     Map<Long, List<Candidate>> proposed, RecommendationQuery query) {
        List<Recommendation> out = new ArrayList<>();
        Set<Long> rated = new java.util.HashSet<>();
        request.ratings().forEach(r -> rated.add(r.movieId()));
        for (String name : List.of("user-knn", "popular")) {
            for (Map.Entry<Long, List<Candidate>> e : proposed.entrySet()) {
                Candidate c = e.getValue().stream().filter(x -> x.explanation().source().equals(name)).findFirst().orElse(null);
                SignalSnapshot.MovieSignals movie = snapshot.movie(e.getKey());
                if (c == null || movie == null || rated.contains(e.getKey()) || out.size() >= query.limit()
                        || out.stream().anyMatch(r -> r.movieId() == e.getKey())
                        || !query.accepts(e.getKey(), movie.genres(), movie.year())) {
                    continue;
                }
                double stars = movie.bayesMean() == null ? snapshot.global().globalMean() : movie.bayesMean();
                out.add(new Recommendation(e.getKey(), movie.title(), movie.year(), movie.genres(), c.score(), stars,
                        List.of(name), query.explain() ? c.explanation() : null));
            }
        }
        return counted(new Recommendations(userId, ModelRegistry.FALLBACK, true, out));
    }

    /** Counts the recommended movies by the candidate source that proposed them first. */
    private Recommendations counted(Recommendations answer) {
        for (Recommendation r : answer.items()) {
            meters.counter("cinegraph.recommendations", "source", r.sources().get(0),
                    "model", answer.fallback() ? "fallback" : "ranker").increment();
        }
        return answer;
    }

    /** Drops a user's cached side, generator candidates and ranking (after their ratings change). */
    public void forget(long userId) {
        userSides.invalidate(userId);
        proposals.invalidate(userId);
        rankings.invalidate(userId);
    }

    /**
     * A user's candidates ranked by one model under one snapshot and one set of proposals (compared by identity):
     * movie ids best first and their scores, plus the user's side and time for stars and explanations.
     */
    private record Ranked(SignalSnapshot snapshot, RankerModel model, Map<Long, List<Candidate>> proposed,
                          io.cinegraph.domain.UserSide request, long time, long[] movies, float[] scores,
                          Map<Long, Double> predicted) {

        Ranked(SignalSnapshot snapshot, RankerModel model, Map<Long, List<Candidate>> proposed,
               io.cinegraph.domain.UserSide request, long time, long[] movies, float[] scores) {
            this(snapshot, model, proposed, request, time, movies, scores, new java.util.concurrent.ConcurrentHashMap<>());
        }

        /**
         * Predicted stars of these movies, only for what is returned: one small forward pass of the rating network
         * for those not predicted yet for this ranking (the prediction depends on nothing else, so it is kept).
         */
        double[] stars(long userId, long[] ids) {
            long[] missing = java.util.Arrays.stream(ids).filter(id -> !predicted.containsKey(id)).toArray();
            if (missing.length > 0) {
                double[] fresh = model.predictRatings(userId, request, missing);
                for (int i = 0; i < missing.length; i++) {
                    predicted.put(missing[i], fresh[i]);
                }
            }
            return java.util.Arrays.stream(ids).mapToDouble(predicted::get).toArray();
        }
    }

    /**
     * A user's graph side (ratings, affinities, neighbours, demographics) as read under one signal snapshot. It
     * changes only when the user's ratings change through the API ({@link #forget}) or the signals are
     * recomputed, so requests after the first skip the database round trip.
     */
    private record UserSide(SignalSnapshot snapshot, io.cinegraph.domain.UserSide request, List<String> statedGenres) {
    }

    /** What the generators proposed for a user under one signal snapshot. */
    private record Proposals(SignalSnapshot snapshot, Map<Long, List<Candidate>> byMovie) {
    }

    /**
     * Every generator's candidates, keyed by movie (first proposer first), cached per user until the user's
     * ratings change ({@link #forget}) or the signals are recomputed (a new snapshot). The ranker never waits for
     * the generators' queries: on a miss the request is ranked from the ranker's own candidates (and what an older
     * snapshot proposed, if anything) while one background thread runs the queries for the next request. Only
     * the fallback, which has nothing else, runs them inline.
     */
    private Map<Long, List<Candidate>> proposals(long userId, SignalSnapshot snapshot, boolean inline) {
        Proposals cached = proposals.getIfPresent(userId);
        if (cached != null && cached.snapshot() == snapshot) {
            return cached.byMovie();
        }
        if (inline) {
            Map<Long, List<Candidate>> fresh = generate(userId);
            proposals.put(userId, new Proposals(snapshot, fresh));
            return fresh;
        }
        if (pending.add(userId)) {
            try {
                filler.execute(() -> {
                    try {
                        proposals.put(userId, new Proposals(snapshot, generate(userId)));
                    } catch (RuntimeException e) {
                        // shutting down interrupts the graph read: nothing to keep then; otherwise the next
                        // request of the user tries again
                        if (!filler.isShutdown()) {
                            LOG.warnf("Background candidates for user %d failed: %s", userId, e.getMessage());
                        }
                    } finally {
                        pending.remove(userId);
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException full) {
                pending.remove(userId);
            }
        }
        return cached == null ? Map.of() : cached.byMovie();
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        filler.shutdownNow();
    }

    private Map<Long, List<Candidate>> generate(long userId) {
        Map<Long, List<Candidate>> out = new LinkedHashMap<>();
        for (CandidateSource source : sources.all()) {
            for (Candidate c : source.candidates(userId, config.candidatesPerGenerator())) {
                out.computeIfAbsent(c.movieId(), k -> new ArrayList<>()).add(c);
            }
        }
        return out;
    }
}
