package io.cinegraph.ranker;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Copies of one trained network and its input normalizer, one per core, for concurrent inference: neither a DL4J
 * network nor the arrays of a normalizer may be used from two threads at once (two requests normalizing with one
 * normalizer's mean and deviation crashed ND4J natively under a soak), so each forward pass borrows a copy of both
 * and gives it back. Each copy is only ever used by a thread of its own: a soak still crashed ND4J natively (a
 * freed buffer in the bias add of a forward pass) when the service's many request threads took turns on the copies,
 * so the inputs are built and the pass run on the copy's thread, which ends after a minute without work.
 */
final class NetworkPool {

    private record Copy(ComputationGraph network, NormalizerStandardize normalizer, ExecutorService thread) {
    }

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final BlockingQueue<Copy> copies;

    NetworkPool(ComputationGraph network, NormalizerStandardize normalizer) {
        int n = Math.max(1, Runtime.getRuntime().availableProcessors());
        copies = new ArrayBlockingQueue<>(n);
        copies.add(new Copy(network, normalizer, ownThread()));
        for (int i = 1; i < n; i++) {
            copies.add(new Copy(network.clone(), new NormalizerStandardize(normalizer.getMean().dup(), normalizer.getStd().dup()),
                    ownThread()));
        }
    }

    private static ExecutorService ownThread() {
        var executor = new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "cinegraph-inference-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    /** The first output of one forward pass (inference mode) as floats, on inputs built with the copy's normalizer. */
    float[] output(Function<NormalizerStandardize, INDArray[]> inputs) {
        Copy copy;
        try {
            copy = copies.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a copy of the network", e);
        }
        try {
            return copy.thread().submit(() -> copy.network().output(false, inputs.apply(copy.normalizer()))[0]
                    .toFloatVector()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a forward pass", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("A forward pass failed", e.getCause());
        } finally {
            copies.add(copy);
        }
    }
}
