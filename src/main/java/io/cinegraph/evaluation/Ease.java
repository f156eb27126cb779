package io.cinegraph.evaluation;

/**
 * EASE (Steck 2019): on the binary user × item matrix X, G = XᵀX + λI, P = G⁻¹,
 * B = I − P·diag(1/diag(P)) (so B_ij = −P_ij / P_jj off the diagonal and B_jj = 0); scores of user u = X_u·B.
 */
public final class Ease implements Recommender {

    private final double lambda;
    private TrainingData data;
    private double[][] weights;

    public Ease(double lambda) {
        this.lambda = lambda;
    }

    @Override
    public String name() {
        return "ease";
    }

    @Override
    public void fit(TrainingData data) {
        this.data = data;
        int n = data.items();
        double[][] g = Gram.of(data);
        for (int i = 0; i < n; i++) {
            g[i][i] += lambda;
        }
        double[][] p = Gram.invertSpd(g);
        weights = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                weights[i][j] = i == j ? 0 : -p[i][j] / p[j][j];
            }
        }
    }

    @Override
    public double[] scores(int user) {
        return scoresOf(data.itemsOf(user));
    }

    /** The item × item weights (row: a user's item, column: the scored item); shared, do not modify. */
    public double[][] weights() {
        return weights;
    }

    /** Scores for any set of item indexes (a user's items), e.g. ratings added since the fit. */
    public double[] scoresOf(int[] items) {
        double[] s = new double[data.items()];
        for (int i : items) {
            double[] row = weights[i];
            for (int j = 0; j < s.length; j++) {
                s[j] += row[j];
            }
        }
        return s;
    }
}
