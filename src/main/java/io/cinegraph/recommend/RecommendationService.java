package io.cinegraph.recommend;

import io.cinegraph.domain.Explanation;
import io.cinegraph.domain.UserSide;
import io.cinegraph.graph.UserRepository;
import io.cinegraph.ranker.RankerConfig;
import io.cinegraph.ranker.RankerModel;
import io.cinegraph.ranker.StatedPreferences;
import io.cinegraph.signals.SignalGraph;
import io.cinegraph.signals.SignalsConfig;
import io.cinegraph.support.BackgroundLane;
import io.cinegraph.signals.SignalSnapshot;
import io.micrometer.core.instrument.MeterRegistry;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * The two-stage serving path, as orchestration: the user's side (with the cold-start rule, {@link UserSides}),
 * the graph generators' candidates ({@link Proposals}), one ranking by the active {@link Ranker} (kept while exact,
 * {@link RankingCache}), then filters before truncation, predicted stars and explanations for what is returned.
 */
public class RecommendationService implements AutoCloseable {

    private final Supplier<SignalSnapshot> snapshots;
    private final RankerChoice rankers;
    private final Proposals proposals;
    private static final Logger LOG = Logger.getLogger(RecommendationService.class);

    private final UserVersions versions = new UserVersions();
    private final Map<Long, InFlight> inFlight = new ConcurrentHashMap<>();
    private final Set<Long> warming = ConcurrentHashMap.newKeySet();
    private final Executor warmer;
    private final UserSides sides;
    private final RankingCache rankings;
    private final UserRevisions revisions;
    private final MeterRegistry meters;

    RecommendationService(Supplier<SignalSnapshot> snapshots, RankerChoice rankers, Proposals proposals,
                          UserProfiles profiles, UserRevisions revisions, MeterRegistry meters, int cacheSize,
                          Executor warmer) {
        this.warmer = warmer;
        this.revisions = revisions;
        this.snapshots = snapshots;
        this.rankers = rankers;
        this.proposals = proposals;
        this.sides = new UserSides(profiles, versions, cacheSize);
        this.rankings = new RankingCache(cacheSize);
        this.meters = meters;
    }

    /**
     * A service over any graph with its signals and one trained model (no registry, no fallback): for benchmarks
     * and tools that serve from a graph of their own.
     */
    public static RecommendationService over(SignalGraph graph, RankerModel model, RankerConfig config,
                                             SignalsConfig signalsConfig, MeterRegistry meters) {
        Ranker ranker = new NeuralRanker(model, graph.extractor(), config, signalsConfig.historySize());
        return new RecommendationService(graph::snapshot, RankerChoice.of(() -> ranker),
                new Proposals(graph.candidates().all(), config.candidatesPerGenerator(), config.candidateCacheSize(),
                        Proposals.background(config.candidateCacheSize(),
                                new BackgroundLane(signalsConfig.backgroundShare()))),
                new GraphUserProfiles(graph.extractor(), new UserRepository(graph.graph())), UserRevisions.NONE, meters,
                config.candidateCacheSize(), warmer());
    }

    /**
     * Recommendations for a user of the graph, from their current ratings; for a new user what they said they like
     * at sign-up counts too, and the genres they stated lead their list. A rating write ({@link #forget}), a
     * recomputation of the signals or a model swap makes the next request rank afresh; so does {@code fresh}. A write
     * through another replica is noticed by the user's revision ({@link UserRevisions}).
     */
    public Recommendations recommend(long userId, RecommendationQuery query) {
        if (revisions.changed(userId)) {
            drop(userId);
            refreshed(userId);
        }
        RankerChoice.Served served = rankers.choose(userId);
        return answer(userId, ranked(userId, served.ranker(), query.fresh()), query, served.variant());
    }

    /**
     * The user's ranking: the cached one while it is exact, else ranked now, once however many requests (or the
     * warm-up after a write) ask for it at the same time; {@code fresh} always ranks (and reads the user) again.
     */
    private RankingCache.Entry ranked(long userId, Ranker ranker, boolean fresh) {
        long version = versions.current(userId);
        SignalSnapshot snapshot = snapshots.get();
        Proposed proposed = proposals.get(userId, snapshot, ranker.fallback());
        Ranker.Request probe = new Ranker.Request(userId, null, proposed, snapshot);
        RankingCache.Entry cached = fresh ? null : rankings.get(userId, probe, ranker);
        if (cached != null) {
            return cached;
        }
        InFlight mine = new InFlight(version, new CompletableFuture<>());
        InFlight other = fresh ? null : inFlight.putIfAbsent(userId, mine);
        if (other != null) {
            RankingCache.Entry theirs = other.version() == version ? other.ranking().exceptionally(e -> null).join() : null;
            if (theirs != null && theirs.rankedFrom(probe, ranker)) {
                return theirs;
            }
        }
        try {
            RankingCache.Entry ranked = rank(userId, ranker, snapshot, proposed, fresh, version);
            rankings.put(userId, ranked, versions, version);
            mine.ranking().complete(ranked);
            return ranked;
        } catch (RuntimeException e) {
            mine.ranking().completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(userId, mine);
        }
    }

    /** A ranking under way for a user, from their version when it began. */
    private record InFlight(long version, CompletableFuture<RankingCache.Entry> ranking) {
    }

    /**
     * Ranks the user again in the background after a change, so that their next request (most often right after a
     * rating) finds it done; only for a user who had a ranking (one being served: a stream of writes from users
     * nobody reads costs no rankings), coalesced per user, and dropped when the warm-up queue is full (the request
     * then ranks).
     */
    private void warm(long userId) {
        if (!warming.add(userId)) {
            return;
        }
        try {
            warmer.execute(() -> {
                warming.remove(userId);
                try {
                    ranked(userId, rankers.choose(userId).ranker(), false);
                } catch (RuntimeException e) {
                    LOG.debugf("Warming the ranking of user %d: %s", userId, e.getMessage());
                }
            });
        } catch (RejectedExecutionException full) {
            warming.remove(userId);
        }
    }

    /** The user's candidates ranked afresh; a new user's stated genres then lead (see {@link StatedPreferences}). */
    private RankingCache.Entry rank(long userId, Ranker ranker, SignalSnapshot snapshot,
                                    Proposed proposed, boolean fresh, long version) {
        UserSides.Side side = sides.side(userId, snapshot, fresh, version);
        Ranker.Request request = new Ranker.Request(userId, side.side(), proposed, snapshot);
        List<Ranker.Item> items = ranker.rank(request);
        if (!ranker.fallback() && !side.statedGenres().isEmpty()) {
            items = StatedPreferences.leadWithLikedGenres(items, item -> {
                SignalSnapshot.MovieSignals movie = snapshot.movie(item.movieId());
                return movie != null && movie.genres().stream().anyMatch(side.statedGenres()::contains);
            });
        }
        return new RankingCache.Entry(ranker, request, items);
    }

    /** The first {@code limit} ranked movies that pass the query's filters, with stars and explanations. */
    private Recommendations answer(long userId, RankingCache.Entry ranked, RecommendationQuery query, String variant) {
        ranked.served();
        SignalSnapshot snapshot = ranked.request().snapshot();
        List<Ranker.Item> chosen = new ArrayList<>();
        for (Ranker.Item item : ranked.items()) {
            if (chosen.size() >= query.limit()) {
                break;
            }
            SignalSnapshot.MovieSignals movie = snapshot.movie(item.movieId());
            if (movie != null && query.accepts(item.movieId(), movie.genres(), movie.year())) {
                chosen.add(item);
            }
        }
        double[] stars = ranked.stars(chosen.stream().mapToLong(Ranker.Item::movieId).toArray());
        List<Recommendation> out = new ArrayList<>(chosen.size());
        for (int k = 0; k < chosen.size(); k++) {
            Ranker.Item item = chosen.get(k);
            SignalSnapshot.MovieSignals movie = snapshot.movie(item.movieId());
            Explanation why = !query.explain() ? null : ranked.explanation(item);
            out.add(new Recommendation(item.movieId(), movie.title(), movie.year(), movie.genres(), item.score(),
                    stars[k], item.sources(), why));
        }
        Ranker ranker = ranked.ranker();
        return counted(new Recommendations(userId, ranker.version(), ranker.fallback(), variant,
                RecommendationIds.issue(ranker.version(), variant, System.currentTimeMillis()), out));
    }

    /** Counts the recommended movies by the candidate source that proposed them first. */
    private Recommendations counted(Recommendations answer) {
        for (Recommendation r : answer.items()) {
            meters.counter("cinegraph.recommendations", "source", r.sources().get(0),
                    "model", answer.fallback() ? "fallback" : "ranker").increment();
        }
        return answer;
    }

    /**
     * After a user's ratings or views changed: their side is read again and their next request ranks afresh. The
     * graph generators' proposals are kept: they follow the user's graph signals, which are refreshed later
     * ({@link #refreshed}), and the rankers leave out what the user has rated.
     */
    public void forget(long userId) {
        if (drop(userId)) {
            warm(userId);
        }
    }

    /** Drops what is cached for the user; whether they had a ranking that was answered from (they are being served). */
    private boolean drop(long userId) {
        versions.bump(userId);
        sides.forget(userId);
        return rankings.forget(userId);
    }

    /**
     * After a committed rating (new, or replacing the user's earlier one): as {@link #forget}, but the user's cached
     * side takes the rating in place (no read of the graph for their next request).
     */
    public void rated(long userId, long movieId, double rating, long ratedAt) {
        versions.bump(userId);
        sides.rated(userId, new UserSide.Rated(movieId, rating, ratedAt));
        if (rankings.forget(userId)) {
            warm(userId);
        }
    }

    /**
     * After a user's graph signals were refreshed (neighbours, affinities): the generators run again in the
     * background, and when their proposals land the user's side is read again and the next request ranks afresh,
     * once (until then the ranking from the old proposals stands).
     */
    public void refreshed(long userId) {
        java.util.concurrent.atomic.AtomicBoolean served = new java.util.concurrent.atomic.AtomicBoolean();
        proposals.refresh(userId, () -> served.set(drop(userId)), () -> {
            if (served.get()) {
                warm(userId);
            }
        });
    }

    /**
     * Before traffic: for each of these users, in order, on {@code threads} threads and within {@code budget}, the
     * graph generators run and the user is ranked, so that their first request finds both cached (and the serving
     * path is compiled); returns how many users were reached (see {@link CandidateWarmUp}).
     */
    int warmUp(List<Long> userIds, java.time.Duration budget, int threads) {
        SignalSnapshot snapshot = snapshots.get();
        return io.cinegraph.support.BudgetedWork.forEach("Warming candidates and rankings", " users", userIds, budget,
                threads, userId -> {
                    proposals.fillNow(userId, snapshot);
                    ranked(userId, rankers.choose(userId).ranker(), false);
                });
    }

    /**
     * The service's warm-up pool: as many daemon threads as cores, a bounded queue (a full one drops the warm-up;
     * the user's request then ranks).
     */
    static ExecutorService warmer() {
        return io.cinegraph.support.Futures.boundedPool("cinegraph-ranking-warmer-",
                Runtime.getRuntime().availableProcessors(), 10_000);
    }

    @Override
    public void close() {
        proposals.close();
        if (warmer instanceof ExecutorService service) {
            service.shutdownNow();
        }
    }
}
