package io.cinegraph.ratings;

import io.cinegraph.graph.RatingRepository;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Group commit of single rating writes, answered asynchronously (no request thread waits for the disk). A commit waits for the database to force its transaction log to disk
 * (about 10 ms on the machines we measured), so one transaction per write caps a service at about a hundred
 * writes a second whatever the clients do. Here every write that arrives while a commit is under way joins the
 * next one: one transaction writes them all, and each caller is answered once that transaction is committed, so
 * an acknowledged write is as durable as before. If a shared transaction fails, its writes are retried one by
 * one, so one write's failure never becomes another's. ({@code writers} threads may take turns, one building its
 * transaction while another's commit waits for the disk; on 2 cores one measured as well as two.)
 */
final class RatingWriter implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RatingWriter.class);

    /** A write waiting for its transaction: the rating, when it was marked stale (epoch ms), and its answer. */
    private record Pending(RatingRepository.NewRating rating, long staleAt, CompletableFuture<Optional<Boolean>> done) {
    }

    /** What must follow a committed write before it is acknowledged (on the writer's thread: keep it short). */
    interface Committed {
        void accept(RatingRepository.NewRating rating);
    }

    private final RatingRepository repository;
    private final Committed committed;
    private final io.micrometer.core.instrument.DistributionSummary sizes;
    private final int maxBatch;
    private final BlockingQueue<Pending> queue;
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean closed;

    RatingWriter(RatingRepository repository, Committed committed, int writers, int maxBatch, int capacity,
                 io.micrometer.core.instrument.MeterRegistry meters) {
        this.repository = repository;
        this.committed = committed;
        this.sizes = io.micrometer.core.instrument.DistributionSummary.builder("cinegraph.ratings.group.commit")
                .description("Single rating writes per shared transaction").baseUnit("ratings").register(meters);
        this.maxBatch = Math.max(1, maxBatch);
        this.queue = new LinkedBlockingQueue<>(Math.max(1, capacity));
        for (int w = 0; w < Math.max(1, writers); w++) {
            Thread worker = new Thread(this::run, "cinegraph-rating-writer-" + w);
            worker.setDaemon(true);
            worker.start();
            workers.add(worker);
        }
    }

    /**
     * Queues the rating (its user marked stale at {@code staleAt}); the answer completes once it is committed and
     * {@link Committed} has run: whether it was new, or empty when its user or movie does not exist (failures of
     * the write complete it exceptionally). Waits only while the queue is full.
     */
    CompletableFuture<Optional<Boolean>> submit(RatingRepository.NewRating rating, long staleAt) {
        Pending pending = new Pending(rating, staleAt, new CompletableFuture<>());
        try {
            queue.put(pending);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.done().completeExceptionally(new IllegalStateException("Interrupted while writing a rating", e));
        }
        return pending.done();
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (!closed) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                break;
            }
            queue.drainTo(batch, maxBatch - 1);
            // two writes of one (user, movie) pair never share a transaction: the later one goes in the next,
            // so that each learns exactly whether it created the rating
            while (!batch.isEmpty()) {
                List<Pending> later = new ArrayList<>();
                java.util.Set<List<Long>> pairs = new java.util.HashSet<>();
                batch.removeIf(p -> !pairs.add(List.of(p.rating().userId(), p.rating().movieId())) && later.add(p));
                sizes.record(batch.size());
                commit(batch);
                batch.clear();
                batch.addAll(later);
            }
        }
        for (Pending p : queue) {
            p.done().completeExceptionally(new IllegalStateException("The service is stopping; the rating was not written"));
        }
    }

    private void commit(List<Pending> batch) {
        try {
            List<Optional<Boolean>> written = repository.putEach(batch.stream().map(Pending::rating).toList(),
                    batch.stream().mapToLong(Pending::staleAt).max().orElseThrow());
            for (int i = 0; i < batch.size(); i++) {
                Optional<Boolean> created = written.get(i);
                if (created.isPresent()) {
                    try {
                        committed.accept(batch.get(i).rating());
                    } catch (RuntimeException e) {
                        LOG.warnf("After committing a rating of user %d: %s", batch.get(i).rating().userId(), e.getMessage());
                    }
                }
                batch.get(i).done().complete(created);
            }
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).done().completeExceptionally(e);
                return;
            }
            LOG.debugf("A shared commit of %d ratings failed (%s); writing them one by one", batch.size(), e.getMessage());
            for (Pending p : batch) {
                commit(List.of(p));
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        workers.forEach(Thread::interrupt);
    }
}
