package io.cinegraph.support;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Work over a list, in order, on a few threads, until the list is done or a time budget has passed, with a progress
 * bar: for start-up work that is worth doing but must not hold the start forever (the rest is done when needed).
 */
public final class BudgetedWork {

    private static final Logger LOG = Logger.getLogger(BudgetedWork.class);

    private BudgetedWork() {
    }

    /**
     * Runs {@code work} on each item until every one is done or {@code budget} has passed; returns how many items
     * were reached. An item whose work throws is logged and counted (it is left to be done when needed).
     */
    public static <T> int forEach(String task, String unit, List<T> items, Duration budget, int threads,
                                  Consumer<T> work) {
        long deadline = System.nanoTime() + budget.toNanos();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger reached = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, Futures.daemon("cinegraph-" + unit.strip()));
        try (Progress progress = Progress.items(task, items.size(), unit)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < items.size() && System.nanoTime() < deadline
                            && !Thread.currentThread().isInterrupted(); i = next.getAndIncrement()) {
                        try {
                            work.accept(items.get(i));
                        } catch (RuntimeException e) {
                            LOG.warnf("%s: %s failed: %s", task, items.get(i), e.getMessage());
                        }
                        reached.incrementAndGet();
                        progress.step();
                    }
                }));
            }
            workers.forEach(w -> Futures.await(w, task));
            if (reached.get() < items.size()) {
                progress.stopEarly("(time budget reached: the others are done when needed)");
            }
        } finally {
            pool.shutdownNow();
        }
        return reached.get();
    }
}
