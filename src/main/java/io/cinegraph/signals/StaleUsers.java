package io.cinegraph.signals;

import io.cinegraph.graph.SignalsRepository;
import io.cinegraph.support.BackgroundLane;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;

/**
 * The background refresh of the graph signals of users whose ratings changed. A rating write marks the user stale
 * in its own transaction and lands here; one worker thread refreshes the waiting users in batches (statistics and
 * genre affinities, see {@link SignalJob#refreshUserStats}, then each user's neighbours) and, with each batch, the
 * popularity of every movie the waiting users' writes touched since the last one, clears their marks and tells the listeners (the serving caches). Writes of a
 * user still waiting coalesce into one refresh. The queue is bounded ({@code cinegraph.signals.stale-queue-size}):
 * a write that finds it full waits for room. Requests do not wait for any of this: they compute the user's own
 * statistics and affinities from the current ratings ({@link LiveUserSignals}); only the neighbours lag.
 * The worker's queries go through the service's {@link BackgroundLane}, shared with the candidate queries of the
 * serving cache: a batch's statistics, then each user's neighbours, one piece at a time, together busy at most
 * {@code cinegraph.signals.background-share} of the time, so that a burst of writes cannot take the machine from
 * the requests.
 * The marks outlive a crash: {@link #resume} queues every marked user again at start-up.
 */
@ApplicationScoped
public class StaleUsers {

    private static final Logger LOG = Logger.getLogger(StaleUsers.class);
    /** Pause after a failed refresh (the graph away, say) before the same users are tried again. */
    private static final long RETRY_MILLIS = 1_000;

    private final SignalJob job;
    private final SignalsRepository repository;
    private final int capacity;
    private final int batchSize;
    /** Where the refresh queries run, one piece at a time and paced (see {@code background-share}). */
    private final BackgroundLane lane;
    /** Users waiting, in order of their first write. */
    private final LinkedHashSet<Long> waiting = new LinkedHashSet<>();
    /**
     * The movies waiting users' writes touched, all of them refreshed with the next batch: one set bounded by the
     * catalogue, however many writes wait (per-user sets grew toward users × movies when writes outpaced the refresh).
     */
    private final Set<Long> touched = new HashSet<>();
    private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();
    private int refreshing;
    private Thread worker;
    private boolean closed;

    public StaleUsers(SignalJob job, SignalsRepository repository, SignalsConfig config, BackgroundLane lane) {
        this.job = job;
        this.repository = repository;
        this.capacity = Math.max(1, config.staleQueueSize());
        this.batchSize = Math.max(1, config.batchSize());
        this.lane = lane;
    }

    /** Called with each refreshed user's id, after their signals are written. */
    public void onRefreshed(LongConsumer listener) {
        listeners.add(listener);
    }

    /**
     * Queues a user whose ratings of {@code movies} changed (already marked stale in the graph by the write).
     * Waits while the queue is full and the user is not in it yet.
     */
    public void mark(long userId, Collection<Long> movies) {
        synchronized (this) {
            while (!closed && !waiting.contains(userId) && waiting.size() >= capacity) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return; // the mark in the graph stays: the next start refreshes the user
                }
            }
            if (closed) {
                return;
            }
            waiting.add(userId);
            touched.addAll(movies);
            startWorker();
            notifyAll();
        }
    }

    /** Queues every user the graph still marks stale (after a crash, or a stop with users waiting). */
    public void resume() {
        List<Long> users = repository.staleUsers();
        if (!users.isEmpty()) {
            LOG.infof("Refreshing the signals of %,d users whose ratings changed before the last stop", users.size());
        }
        for (long userId : users) {
            mark(userId, List.of());
        }
    }

    /** Users waiting or being refreshed. */
    public synchronized int pending() {
        return waiting.size() + refreshing;
    }

    /** Waits until no user waits or is being refreshed; false if {@code timeout} passed first. */
    public synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (waiting.size() + refreshing > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    private void startWorker() {
        if (worker == null) {
            worker = new Thread(this::run, "cinegraph-stale-users");
            worker.setDaemon(true);
            worker.start();
        }
    }

    private void run() {
        while (true) {
            Batch batch = take();
            if (batch == null) {
                return;
            }
            List<Long> users = new ArrayList<>(batch.users());
            Set<Long> movies = batch.movies();
            long startedMillis = System.currentTimeMillis();
            boolean done = false;
            try {
                done = refresh(users, movies, startedMillis);
            } catch (RuntimeException e) {
                LOG.warnf("Refreshing the signals of %d users failed (tried again in %d ms): %s", users.size(),
                        RETRY_MILLIS, e.getMessage());
            }
            if (done) {
                for (long userId : users) {
                    listeners.forEach(l -> l.accept(userId));
                }
            }
            finish(batch, done);
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            if (!done) {
                sleepQuietly(RETRY_MILLIS);
            }
        }
    }

    /**
     * Refreshes the users still marked stale (dropping the others from {@code users}) through the lane and clears
     * their marks; false when interrupted first (closing).
     */
    private boolean refresh(List<Long> users, Set<Long> movies, long startedMillis) {
        // a whole signal run since the write cleared the user's mark and computed everything (views too, which this
        // per-user refresh does not read): refreshing again would only undo it
        if (!lane.run(() -> {
            users.retainAll(new HashSet<>(repository.staleUsers()));
            // the movies are every waiting user's, not only this batch's: refreshed even when no user is left
            job.refreshUserStats(users, movies);
        })) {
            return false;
        }
        for (long userId : users) {
            if (!lane.run(() -> job.refreshNeighbours(userId))) {
                return false;
            }
        }
        if (!users.isEmpty()) {
            repository.clearStale(users, startedMillis);
        }
        return true;
    }

    /** Users refreshed together, and the movies every waiting user's writes touched when the batch was taken. */
    private record Batch(List<Long> users, Set<Long> movies) {
    }

    private synchronized Batch take() {
        while (!closed && waiting.isEmpty()) {
            try {
                wait();
            } catch (InterruptedException e) {
                return null;
            }
        }
        if (closed) {
            return null;
        }
        List<Long> users = new ArrayList<>(Math.min(batchSize, waiting.size()));
        Iterator<Long> it = waiting.iterator();
        while (it.hasNext() && users.size() < batchSize) {
            users.add(it.next());
            it.remove();
        }
        Batch batch = new Batch(users, new HashSet<>(touched));
        touched.clear();
        refreshing = users.size();
        notifyAll();
        return batch;
    }

    private synchronized void finish(Batch batch, boolean done) {
        refreshing = 0;
        if (!done) {
            // back at the head of the queue, before whoever wrote meanwhile; their movies wait again too
            LinkedHashSet<Long> again = new LinkedHashSet<>(batch.users());
            again.addAll(waiting);
            waiting.clear();
            waiting.addAll(again);
            touched.addAll(batch.movies());
        }
        notifyAll();
    }

    private void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    synchronized void close() {
        closed = true;
        notifyAll();
        if (worker != null) {
            worker.interrupt();
        }
    }
}
