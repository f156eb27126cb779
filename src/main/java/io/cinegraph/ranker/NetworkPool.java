package io.cinegraph.ranker;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;

/**
 * Copies of one trained network and its input normalizer, one per core, for concurrent inference: neither a DL4J
 * network nor the arrays of a normalizer may be used from two threads at once (two requests normalizing with one
 * normalizer's mean and deviation crashed ND4J natively under a soak), so each forward pass borrows a copy of both
 * and gives it back.
 */
final class NetworkPool {

    private record Copy(ComputationGraph network, NormalizerStandardize normalizer) {
    }

    private final BlockingQueue<Copy> copies;

    NetworkPool(ComputationGraph network, NormalizerStandardize normalizer) {
        int n = Math.max(1, Runtime.getRuntime().availableProcessors());
        copies = new ArrayBlockingQueue<>(n);
        copies.add(new Copy(network, normalizer));
        for (int i = 1; i < n; i++) {
            copies.add(new Copy(network.clone(), new NormalizerStandardize(normalizer.getMean().dup(), normalizer.getStd().dup())));
        }
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
            return copy.network().output(false, inputs.apply(copy.normalizer()))[0].toFloatVector();
        } finally {
            copies.add(copy);
        }
    }
}
