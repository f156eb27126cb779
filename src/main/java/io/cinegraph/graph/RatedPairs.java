package io.cinegraph.graph;

import io.cinegraph.support.PairFilter;
import io.cinegraph.support.Progress;
import org.jboss.logging.Logger;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.event.TransactionData;
import org.neo4j.graphdb.event.TransactionEventListener;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every (user, movie) pair the embedded graph may hold a RATED relationship for, in a Bloom filter: a rating write
 * whose pair is certainly absent creates its relationship without walking a RATED chain to look for it (Neo4j has no
 * index on a relationship's two ends, and the walk is most of a batch write's cost).
 *
 * <p>The filter is a superset of the graph's pairs whenever a writer asks: a listener adds the pairs of every
 * transaction's new RATED relationships before it commits (Cypher over Bolt and Browser included), while that
 * transaction still holds its locks on both nodes, and a writer asks only after taking its own locks on them.
 * Deleted ratings stay in the filter (a false "maybe" costs a walk, never a duplicate). The filter is filled from the
 * store by a background scan and answers "maybe" for everything until it is complete; when it holds more pairs than
 * it was sized for, a larger one is filled the same way. While a scan runs, new pairs go to both filters, before and
 * again after each commit (a transaction that began committing before the scan started is seen by the scan or added
 * after its commit), and the new filter is only asked a grace time ({@link #GRACE_MS}) after its scan ended.
 */
final class RatedPairs implements TransactionEventListener<long[]>, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RatedPairs.class);
    private static final Label USER = Label.label("User");
    private static final RelationshipType RATED = RelationshipType.withName("RATED");
    /** Room for this many times the pairs found, so that growth rebuilds are rare. */
    private static final int HEADROOM = 4;
    static final long MIN_PAIRS = 1 << 20;
    private static final int STRIPES = 1024;
    /** How long a transaction that began committing before a scan may take to finish committing. */
    static final long GRACE_MS = 5_000;

    private final DatabaseManagementService service;
    private final String database;
    private final AtomicLong added = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicBoolean rebuilding = new java.util.concurrent.atomic.AtomicBoolean();
    /** The filter answering questions; null until the first scan has ended. */
    private volatile PairFilter ready;
    /** A filter being filled by a scan, which takes new pairs too; null when no scan runs. */
    private volatile PairFilter filling;
    private volatile boolean closed;
    private final long graceMs;
    private final java.util.concurrent.locks.ReentrantLock[] userStripes = java.util.stream.Stream
            .generate(java.util.concurrent.locks.ReentrantLock::new).limit(STRIPES)
            .toArray(java.util.concurrent.locks.ReentrantLock[]::new);
    /**
     * The RATED relationship ids of pairs this process's writes created or found, and of the pairs its scans read (a
     * hint, verified when read: a rolled-back or deleted relationship, or a reused id, fails the check and the chain
     * is walked), so that re-rating a pair does not walk a RATED chain again; a fixed table, sized from the heap.
     */
    private final KnownRelationships known = KnownRelationships.forHeap(Runtime.getRuntime().maxMemory());

    private RatedPairs(DatabaseManagementService service, String database, long graceMs) {
        this.service = service;
        this.database = database;
        this.graceMs = graceMs;
    }

    /**
     * Registers the listener on the database and starts the first scan in the background, for a filter sized for at
     * least {@code minPairs} pairs; a new filter is asked {@code graceMs} after its scan ended.
     */
    static RatedPairs start(DatabaseManagementService service, String database, long minPairs, long graceMs) {
        RatedPairs pairs = new RatedPairs(service, database, graceMs);
        service.registerTransactionEventListener(database, pairs);
        pairs.rebuild(minPairs);
        return pairs;
    }

    /**
     * Takes this process's locks of these users (striped, in one order), before a write transaction takes Neo4j's:
     * a rating batch that waits for another parks and wakes the moment it may go on, where Neo4j's lock client
     * would wait in growing sleeps with the locks free meanwhile. Neo4j's own locks are taken too, for other writers.
     */
    UserLocks lockUsers(java.util.Collection<Long> userIds) {
        java.util.BitSet stripes = new java.util.BitSet(STRIPES);
        userIds.forEach(id -> stripes.set(stripe(id)));
        int[] taken = stripes.stream().toArray();
        for (int i = 0; i < taken.length; i++) {
            try {
                userStripes[taken[i]].lockInterruptibly();
            } catch (InterruptedException e) {
                for (int j = 0; j < i; j++) {
                    userStripes[taken[j]].unlock();
                }
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for a rating write of the same users", e);
            }
        }
        return () -> {
            for (int stripe : taken) {
                userStripes[stripe].unlock();
            }
        };
    }

    private static int stripe(long userId) {
        return Math.floorMod(Long.hashCode(userId * io.cinegraph.support.Seeds.GOLDEN), STRIPES);
    }

    /** The remembered RATED relationship id of this pair, or -1 (a hint: see {@link KnownRelationships}). */
    long knownRelationship(long userId, long movieId) {
        return known.get(userId, movieId);
    }

    /** Remembers the RATED relationship of this pair. */
    void remember(long userId, long movieId, long relationshipId) {
        known.put(userId, movieId, relationshipId);
    }

    /** Locks to release after the transaction ends. */
    interface UserLocks extends AutoCloseable {
        @Override
        void close();
    }

    /** Whether the filter answers (its first scan has ended); until then every pair "may" be held. */
    boolean ready() {
        return ready != null;
    }

    /** Whether a scan is filling a filter now. */
    boolean scanning() {
        return rebuilding.get();
    }

    /** Whether the graph may hold a rating of this pair; false means it certainly does not. */
    boolean mayHold(long userId, long movieId) {
        PairFilter filter = ready;
        return filter == null || filter.mightContain(userId, movieId);
    }

    /** Records a pair that a transaction is about to hold (before it commits; harmless if it rolls back). */
    void add(long userId, long movieId) {
        PairFilter filter = ready;
        PairFilter next = filling;
        if (filter != null) {
            filter.add(userId, movieId);
        }
        if (next != null) {
            next.add(userId, movieId);
        }
    }

    @Override
    public long[] beforeCommit(TransactionData data, Transaction transaction, GraphDatabaseService db) {
        long[] pairs = null;
        int n = 0;
        for (Relationship r : data.createdRelationships()) {
            if (r.isType(RATED)) {
                if (pairs == null || n == pairs.length) {
                    pairs = java.util.Arrays.copyOf(pairs == null ? new long[0] : pairs, Math.max(8, n * 2));
                }
                pairs[n++] = ((Number) r.getStartNode().getProperty("userId")).longValue();
                pairs[n++] = ((Number) r.getEndNode().getProperty("movieId")).longValue();
                add(pairs[n - 2], pairs[n - 1]);
            }
        }
        return pairs == null ? null : java.util.Arrays.copyOf(pairs, n);
    }

    @Override
    public void afterCommit(TransactionData data, long[] pairs, GraphDatabaseService db) {
        if (pairs == null) {
            return;
        }
        for (int i = 0; i < pairs.length; i += 2) {
            add(pairs[i], pairs[i + 1]);
        }
        PairFilter filter = ready;
        if (filter != null && added.addAndGet(pairs.length / 2) > filter.expectedPairs()) {
            rebuild(filter.expectedPairs());
        }
    }

    @Override
    public void afterRollback(TransactionData data, long[] pairs, GraphDatabaseService db) {
    }

    /** Fills a new filter sized for {@code HEADROOM ×} the pairs the store holds, then makes it the one asked. */
    private void rebuild(long atLeast) {
        if (closed || !rebuilding.compareAndSet(false, true)) {
            return;
        }
        Thread scan = new Thread(() -> {
            try {
                GraphDatabaseService db = service.database(database);
                long count;
                try (Transaction tx = db.beginTx()) {
                    count = tx.findNodes(USER).stream().mapToLong(u -> u.getDegree(RATED, Direction.OUTGOING)).sum();
                }
                PairFilter next = new PairFilter(Math.max(atLeast, count) * HEADROOM);
                added.set(0);
                filling = next;
                long started = System.nanoTime();
                scan(db, next, count);
                for (long waited = 0; waited < graceMs && !closed; waited += 10) {
                    Thread.sleep(10);
                }
                if (closed) {
                    return;
                }
                added.addAndGet(count);
                ready = next;
                LOG.infof("Rated pairs: %,d ratings in the write filter (%.1f s); new pairs skip the RATED walk",
                        count, (System.nanoTime() - started) / 1e9);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // the database closed under the scan, or failed: writes keep walking RATED chains
                if (!closed) {
                    LOG.warnf("Rated pairs: the write filter could not be filled (%s); rating writes look for each "
                            + "pair in the graph", e.toString());
                }
            } finally {
                filling = null;
                rebuilding.set(false);
            }
        }, "cinegraph-rated-pairs");
        scan.setDaemon(true);
        scan.start();
    }

    private void scan(GraphDatabaseService db, PairFilter into, long count) {
        Map<Node, Long> movieIds = new HashMap<>();
        try (Transaction tx = db.beginTx(); var users = tx.findNodes(USER);
             Progress progress = Progress.items("Write filter", count, " ratings")) {
            long done = 0;
            while (users.hasNext() && !closed) {
                Node user = users.next();
                long userId = ((Number) user.getProperty("userId")).longValue();
                try (var rels = user.getRelationships(Direction.OUTGOING, RATED)) {
                    for (Relationship r : rels) {
                        long movieId = movieIds.computeIfAbsent(r.getEndNode(),
                                m -> ((Number) m.getProperty("movieId")).longValue());
                        into.add(userId, movieId);
                        known.put(userId, movieId, r.getId());
                        done++;
                    }
                }
                progress.stepTo(done);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            service.unregisterTransactionEventListener(database, this);
        } catch (RuntimeException e) {
            LOG.debugf("Rated pairs: listener already gone (%s)", e.toString());
        }
    }
}
