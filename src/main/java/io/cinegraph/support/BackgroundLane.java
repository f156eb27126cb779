package io.cinegraph.support;

import java.util.concurrent.locks.ReentrantLock;

/**
 * One lane for background work that shares the machine with requests: the pieces of work of every thread that uses
 * the lane run one at a time, in the order they asked (a fair lock), and after a piece that took t the lane stays
 * closed for t·(1/share − 1) ({@link DutyCycle}). However many background threads use it, together they run at most
 * {@code share} of the time; pieces should be short (a user's queries, not a batch of hundreds), so that no burst
 * of them holds the cores for seconds.
 */
public final class BackgroundLane {

    private final ReentrantLock lock = new ReentrantLock(true);
    private final DutyCycle cycle;

    /** {@code share} in (0, 1], clamped as {@link DutyCycle} does; 1 never pauses (tests). */
    public BackgroundLane(double share) {
        this.cycle = new DutyCycle(share);
    }

    /**
     * Runs {@code piece} once the lane is free, then keeps the lane for the pause it owes; false, without running
     * it, when the thread is interrupted while waiting (the thread's interrupt flag stays set).
     */
    public boolean run(Runnable piece) {
        try {
            lock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        try {
            long started = System.nanoTime();
            try {
                piece.run();
            } finally {
                cycle.pauseAfter(started);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }
}
