package io.cinegraph.support;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for work handed to another thread. */
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
}
