package io.cinegraph.support;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Work handed to another thread: a daemon thread of its own, and waiting for its result. */
public final class Futures {

    private Futures() {
    }

    /**
     * The result of work on another thread, its runtime exception rethrown as thrown there (a checked one wrapped).
     *
     * @param what what is waited for, for the message when the wait is interrupted
     */
    public static <T> T await(Future<T> future, String what) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + what, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** One daemon thread with this name, for work beside the caller's (it never keeps the JVM alive). */
    public static ExecutorService daemonThread(String name) {
        return Executors.newSingleThreadExecutor(daemon(name));
    }

    /**
     * {@code threads} daemon threads named {@code prefix} and their number, at most {@code queue} tasks waiting in
     * arrival order; one more is refused ({@link java.util.concurrent.RejectedExecutionException}).
     */
    public static java.util.concurrent.ThreadPoolExecutor boundedPool(String prefix, int threads, int queue) {
        java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();
        return new java.util.concurrent.ThreadPoolExecutor(threads, threads, 0, java.util.concurrent.TimeUnit.MILLISECONDS,
                new java.util.concurrent.LinkedBlockingQueue<>(Math.max(1, queue)),
                r -> daemon(prefix + count.getAndIncrement()).newThread(r),
                new java.util.concurrent.ThreadPoolExecutor.AbortPolicy());
    }

    /** Daemon threads with this name. */
    public static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
