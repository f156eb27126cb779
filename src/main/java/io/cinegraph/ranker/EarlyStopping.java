package io.cinegraph.ranker;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Early stopping on a validation figure: keeps a copy of the parameters of the best epoch, says when
 * {@code patience} epochs have passed without improvement, and restores the best parameters at the end.
 */
public final class EarlyStopping {

    private static final double MIN_CHANGE = 1e-5;

    private final ComputationGraph network;
    private final int patience;
    private final boolean higherIsBetter;
    private double best;
    private INDArray bestParams;
    private int bestEpoch;

    public EarlyStopping(ComputationGraph network, int patience, boolean higherIsBetter) {
        this.network = network;
        this.patience = patience;
        this.higherIsBetter = higherIsBetter;
        this.best = higherIsBetter ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    /** Records an epoch's validation figure; false when training should stop. */
    public boolean record(int epoch, double value) {
        boolean better = higherIsBetter ? value > best + MIN_CHANGE : value < best - MIN_CHANGE;
        if (better) {
            best = value;
            bestParams = network.params().dup();
            bestEpoch = epoch;
            return true;
        }
        return epoch - bestEpoch < patience;
    }

    /** Puts the best epoch's parameters back into the network. */
    public void restoreBest() {
        if (bestParams != null) {
            network.setParams(bestParams);
        }
    }

    public double best() {
        return best;
    }

    public int bestEpoch() {
        return bestEpoch;
    }
}
