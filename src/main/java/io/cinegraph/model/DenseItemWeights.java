package io.cinegraph.model;

/**
 * Fitted item × item weights held densely (row: a user's item, column: the scored item). Immutable: the array
 * is owned by this object and never handed out for writing.
 */
public final class DenseItemWeights implements ItemItemWeights {

    private final double[][] weights;

    DenseItemWeights(double[][] weights) {
        this.weights = weights;
    }

    @Override
    public int items() {
        return weights.length;
    }

    @Override
    public void addRow(int item, double[] scores) {
        double[] row = weights[item];
        for (int j = 0; j < scores.length; j++) {
            scores[j] += row[j];
        }
    }

    /** The weight from item {@code from} to item {@code to}. */
    public double weight(int from, int to) {
        return weights[from][to];
    }

    /** The weights rounded to single precision, as the ranker's model artefact stores them. */
    float[][] toFloat() {
        float[][] out = new float[weights.length][];
        for (int i = 0; i < weights.length; i++) {
            out[i] = new float[weights[i].length];
            for (int j = 0; j < weights[i].length; j++) {
                out[i][j] = (float) weights[i][j];
            }
        }
        return out;
    }
}
