package io.cinegraph.evaluation;

import java.util.Arrays;

/**
 * Item-kNN on the binary matrix: cos(i, j) = |U_i ∩ U_j| / sqrt(|U_i|·|U_j|), self-similarity 0; each item j
 * keeps its k most similar items; score(u, j) = Σ_{i ∈ items(u)} s_k(i, j).
 */
public final class ItemKnnCosine implements Recommender {

    private final int k;
    private TrainingData data;
    private double[][] similarity;

    public ItemKnnCosine(int k) {
        this.k = k;
    }

    @Override
    public String name() {
        return "item-knn-cosine";
    }

    @Override
    public void fit(TrainingData data) {
        this.data = data;
        int n = data.items();
        double[][] co = Gram.of(data);
        int[] counts = data.itemCounts();
        similarity = new double[n][n];
        for (int j = 0; j < n; j++) {
            double[] column = new double[n];
            for (int i = 0; i < n; i++) {
                column[i] = i == j || counts[i] == 0 || counts[j] == 0 ? 0
                        : co[i][j] / Math.sqrt((double) counts[i] * counts[j]);
            }
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (p, q) -> column[p] != column[q] ? Double.compare(column[q], column[p]) : Integer.compare(p, q));
            for (int r = 0; r < Math.min(k, n) && column[order[r]] > 0; r++) {
                similarity[order[r]][j] = column[order[r]];
            }
        }
    }

    @Override
    public double[] scores(int user) {
        return scoresOf(data.itemsOf(user));
    }

    /** The item × item weights (row: a user's item, column: the scored item); shared, do not modify. */
    public double[][] weights() {
        return similarity;
    }

    /** Scores for any set of item indexes (a user's items), e.g. ratings added since the fit. */
    public double[] scoresOf(int[] items) {
        double[] s = new double[data.items()];
        for (int i : items) {
            double[] row = similarity[i];
            for (int j = 0; j < s.length; j++) {
                s[j] += row[j];
            }
        }
        return s;
    }
}
