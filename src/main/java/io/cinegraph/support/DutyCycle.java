package io.cinegraph.support;

/**
 * Background work that may run only a share of the time: after a piece of work that took t, it pauses
 * t·(1/share − 1), so that a burst of such work leaves the rest of the machine to the requests.
 */
public final class DutyCycle {

    private final double pausePerBusy;

    /** {@code share} in (0, 1], clamped to [0.01, 1]. */
    public DutyCycle(double share) {
        this.pausePerBusy = 1 / Math.min(1, Math.max(0.01, share)) - 1;
    }

    /** The pause owed for work that started at {@code startedNanos} ({@link System#nanoTime()}), in milliseconds. */
    long pauseMillis(long startedNanos) {
        return (long) ((System.nanoTime() - startedNanos) / 1e6 * pausePerBusy);
    }

    /** Sleeps the pause owed for work that started at {@code startedNanos}; false when interrupted. */
    public boolean pauseAfter(long startedNanos) {
        long pause = pauseMillis(startedNanos);
        if (pause <= 0) {
            return true;
        }
        try {
            Thread.sleep(pause);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
