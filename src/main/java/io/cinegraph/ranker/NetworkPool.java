package io.cinegraph.ranker;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Copies of one trained network, one per core, for concurrent inference: a DL4J network is not safe to call from two
 * threads at once, so each forward pass borrows a copy and gives it back.
 */
final class NetworkPool {

    private final BlockingQueue<ComputationGraph> copies;

    NetworkPool(ComputationGraph network) {
        int n = Math.max(1, Runtime.getRuntime().availableProcessors());
        copies = new ArrayBlockingQueue<>(n);
        copies.add(network);
        for (int i = 1; i < n; i++) {
            copies.add(network.clone());
        }
    }

    /** The first output of one forward pass (inference mode) as floats. */
    float[] output(INDArray[] inputs) {
        ComputationGraph copy;
        try {
            copy = copies.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a copy of the network", e);
        }
        try {
            return copy.output(false, inputs)[0].toFloatVector();
        } finally {
            copies.add(copy);
        }
    }
}
