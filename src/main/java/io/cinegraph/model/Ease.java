package io.cinegraph.model;

/**
 * EASE (Steck 2019): on the binary user × item matrix X, G = XᵀX + λI, P = G⁻¹,
 * B = I − P·diag(1/diag(P)) (so B_ij = −P_ij / P_jj off the diagonal and B_jj = 0); scores of user u = X_u·B.
 */
public final class Ease {

    private Ease() {
    }

    /** The fitted weights B over the catalogue of {@code data}. */
    public static DenseItemWeights fit(TrainingData data, double lambda) {
        // the Gram matrix, the solver's blocked copy and inverse, the inverse handed back, and the weights
        double[][] g = Gram.of(data, 5, "EASE");
        int n = g.length;
        for (int i = 0; i < n; i++) {
            g[i][i] += lambda;
        }
        double[][] p = Gram.invertSpd(g);
        double[][] weights = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                weights[i][j] = i == j ? 0 : -p[i][j] / p[j][j];
            }
        }
        return new DenseItemWeights(weights);
    }
}
