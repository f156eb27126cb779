package io.cinegraph.model;

/**
 * Item-kNN on the binary matrix: cos(i, j) = |U_i ∩ U_j| / sqrt(|U_i|·|U_j|), self-similarity 0; each item j
 * keeps its k most similar items (ties by index); score(u, j) = Σ_{i ∈ items(u)} s_k(i, j).
 */
public final class ItemKnnCosine {

    private ItemKnnCosine() {
    }

    /** The fitted similarities s_k over the catalogue of {@code data}. */
    public static DenseItemWeights fit(TrainingData data, int k) {
        double[][] co = Gram.of(data, 2, "item-kNN cosine");
        int n = co.length;
        int[] counts = data.itemCounts();
        double[][] similarity = new double[n][n];
        for (int j = 0; j < n; j++) {
            double[] column = new double[n];
            for (int i = 0; i < n; i++) {
                column[i] = i == j || counts[i] == 0 || counts[j] == 0 ? 0
                        : co[i][j] / Math.sqrt((double) counts[i] * counts[j]);
            }
            int[] order = Ranking.topByScore(column, k);
            for (int r = 0; r < order.length && column[order[r]] > 0; r++) {
                similarity[order[r]][j] = column[order[r]];
            }
        }
        return new DenseItemWeights(similarity);
    }
}
