package io.cinegraph.recommend;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.cinegraph.domain.Candidate;
import io.cinegraph.signals.CandidateSource;
import io.cinegraph.signals.SignalSnapshot;
import io.cinegraph.support.BackgroundLane;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The graph generators' candidates per user ({@link Proposed}), cached until the user's graph
 * signals are refreshed after their ratings changed ({@link #refresh}: the old ones are served until the new ones
 * land) or the signals are recomputed (a new snapshot). A ranker with candidates of
 * its own never waits for the generators' queries: on a miss it gets what an older snapshot proposed (if anything)
 * while one low-priority background thread runs the queries for the next request, in the service's lane of
 * background work ({@link BackgroundLane}); when that thread's queue is full, misses are simply not queued. The fallback, which has nothing else, has them run inline.
 */
final class Proposals implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Proposals.class);

    /** What the generators proposed for a user under one signal snapshot. */
    private record Cached(SignalSnapshot snapshot, Proposed proposed) {
    }

    private final List<CandidateSource> sources;
    private final Proposed.Generators generators;
    private final int perSource;
    private final Cache<Long, Cached> cache;
    private final Set<Long> pending = ConcurrentHashMap.newKeySet();
    private final Executor filler;
    private volatile boolean closed;

    /** With {@code filler} running the background queries (it may refuse work when full); see {@link #background}. */
    Proposals(List<CandidateSource> sources, int perSource, int cacheSize, Executor filler) {
        this.sources = List.copyOf(sources);
        this.generators = new Proposed.Generators(this.sources.stream().map(CandidateSource::name).toList());
        this.perSource = perSource;
        this.cache = Caffeine.newBuilder().maximumSize(cacheSize).build();
        this.filler = filler;
    }

    /**
     * The service's filler: one low-priority daemon thread with a queue of {@code capacity} users, whose queries take
     * their turn in the service's {@code lane} of background work (one user's queries a piece), so that a stream of
     * new users leaves the cores to the requests.
     */
    static ExecutorService background(int capacity, BackgroundLane lane) {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(capacity), r -> {
            Thread t = new Thread(r, "cinegraph-candidates");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy()) {
            @Override
            public void execute(Runnable command) {
                super.execute(() -> lane.run(command));
            }
        };
    }

    /** The user's proposals under {@code snapshot}: generated now if {@code inline}, else as described above. */
    Proposed get(long userId, SignalSnapshot snapshot, boolean inline) {
        Cached cached = cache.getIfPresent(userId);
        if (cached != null && cached.snapshot() == snapshot) {
            return cached.proposed();
        }
        if (inline) {
            Proposed fresh = generate(userId);
            cache.put(userId, new Cached(snapshot, fresh));
            return fresh;
        }
        if (pending.add(userId)) {
            try {
                filler.execute(() -> fill(userId, snapshot));
            } catch (RejectedExecutionException full) {
                pending.remove(userId);
            }
        }
        return cached == null ? Proposed.NONE : cached.proposed();
    }

    /**
     * The generators run again for a user whose graph signals changed, in the background; until their proposals
     * land the old ones are served. {@code landing} runs just before the new proposals replace the old ones and
     * {@code landed} just after (both at once when there is nothing cached to replace, or the background queue is
     * full: then the old ones are dropped).
     */
    void refresh(long userId, Runnable landing, Runnable landed) {
        Cached cached = cache.getIfPresent(userId);
        if (cached != null && pending.add(userId)) {
            try {
                filler.execute(() -> fill(userId, cached.snapshot(), landing, landed));
                return;
            } catch (RejectedExecutionException full) {
                pending.remove(userId);
            }
        }
        landing.run();
        cache.invalidate(userId);
        landed.run();
    }

    private void fill(long userId, SignalSnapshot snapshot) {
        fill(userId, snapshot, () -> { }, () -> { });
    }

    private void fill(long userId, SignalSnapshot snapshot, Runnable landing, Runnable landed) {
        try {
            Proposed fresh = generate(userId);
            landing.run();
            cache.put(userId, new Cached(snapshot, fresh));
            landed.run();
        } catch (RuntimeException e) {
            // shutting down interrupts the graph read: nothing to keep then; otherwise the next request of the
            // user tries again
            if (!closed) {
                LOG.warnf("Background candidates for user %d failed: %s", userId, e.getMessage());
            }
        } finally {
            pending.remove(userId);
        }
    }

    /** Runs the generators for the user now and caches what they propose, unless cached already under {@code snapshot}. */
    void fillNow(long userId, SignalSnapshot snapshot) {
        Cached cached = cache.getIfPresent(userId);
        if (cached == null || cached.snapshot() != snapshot) {
            cache.put(userId, new Cached(snapshot, generate(userId)));
        }
    }

    private Proposed generate(long userId) {
        List<List<Candidate>> lists = new ArrayList<>(sources.size());
        for (CandidateSource source : sources) {
            lists.add(source.candidates(userId, perSource));
        }
        return new Proposed(generators, lists);
    }

    @Override
    public void close() {
        closed = true;
        if (filler instanceof ExecutorService service) {
            service.shutdownNow();
        }
    }
}
