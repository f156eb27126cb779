package io.cinegraph.recommend;

import io.cinegraph.support.ApiConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.Supplier;

/**
 * The threads recommendation requests are ranked and answered on: at most {@code cinegraph.api.serving-threads} at
 * a time (0, the default: twice the cores beside the embedded database; eight times with an external server, where a
 * request may wait on the network), the others waiting their turn in arrival order, at most
 * {@code cinegraph.api.serving-queue} of them (one more is answered 503 with {@code Retry-After}). Ranking is CPU
 * work beside an in-process database: with one thread per open request (the HTTP worker pool allows 200), thirty
 * concurrent rankings share two cores so thinly that every request, and the rating writer's commits with them,
 * take as long as the slowest; a few at a time keep each request's time near its own cost, and the queue keeps
 * them in order. Other endpoints keep the HTTP worker pool.
 */
@ApplicationScoped
public class ServingPool {

    private static final int EMBEDDED_THREADS_PER_CORE = 2;
    private static final int EXTERNAL_THREADS_PER_CORE = 8;

    private final ThreadPoolExecutor pool;

    @jakarta.inject.Inject
    public ServingPool(ApiConfig api, io.cinegraph.graph.Neo4jConfig neo4j) {
        this(api.servingThreads() > 0 ? api.servingThreads()
                : (neo4j.uri().isPresent() ? EXTERNAL_THREADS_PER_CORE : EMBEDDED_THREADS_PER_CORE)
                * Runtime.getRuntime().availableProcessors(), api.servingQueue());
    }

    /** {@code size} threads, at most {@code queue} requests waiting. */
    ServingPool(int size, int queue) {
        this.pool = io.cinegraph.support.Futures.boundedPool("cinegraph-serving-", size, queue);
    }

    /** {@code work} on the pool; a {@link BusyException} when the queue is full. */
    public <T> CompletionStage<T> submit(Supplier<T> work) {
        try {
            return CompletableFuture.supplyAsync(work, pool);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new BusyException(pool.getQueue().size()));
        }
    }

    @PreDestroy
    void close() {
        pool.shutdownNow();
    }

    /** Every serving thread busy and the queue full: the request was not taken. */
    public static final class BusyException extends RuntimeException {
        public BusyException(int waiting) {
            super("The service is ranking at capacity with " + waiting + " requests waiting "
                    + "(cinegraph.api.serving-queue); retry shortly.");
        }
    }
}
