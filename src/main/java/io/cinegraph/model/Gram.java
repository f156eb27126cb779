package io.cinegraph.model;

/**
 * Dense linear algebra for the item-item models: the Gram matrix XᵀX of the binary interaction matrix, built
 * from each user's item list (Σ_u n_u² updates), and the inverse of a symmetric positive definite matrix by
 * Cholesky factorisation. Written here because ND4J 1.0.0-M2.1's {@code InvertMatrix} took 298 s for the
 * 1682 × 1682 EASE system of ml-100k on this 2-core machine; this takes a few seconds.
 */
final class Gram {

    private Gram() {
    }

    /** XᵀX: co-occurrence counts, with each item's count on the diagonal. */
    static double[][] of(TrainingData data) {
        int n = data.items();
        double[][] g = new double[n][n];
        for (int u = 0; u < data.users(); u++) {
            int[] items = data.itemsOf(u);
            for (int a = 0; a < items.length; a++) {
                double[] row = g[items[a]];
                for (int b = 0; b < items.length; b++) {
                    row[items[b]] += 1;
                }
            }
        }
        return g;
    }

    /**
     * The inverse of a symmetric positive definite matrix: A = L·Lᵀ (Cholesky), then A⁻¹ = L⁻ᵀ·L⁻¹.
     * The argument is overwritten.
     */
    static double[][] invertSpd(double[][] a) {
        int n = a.length;
        // Cholesky, lower triangle in place
        for (int j = 0; j < n; j++) {
            double[] rowJ = a[j];
            double d = rowJ[j];
            for (int k = 0; k < j; k++) {
                d -= rowJ[k] * rowJ[k];
            }
            if (d <= 0) {
                throw new IllegalArgumentException("matrix is not positive definite (pivot " + j + ")");
            }
            double ljj = Math.sqrt(d);
            rowJ[j] = ljj;
            for (int i = j + 1; i < n; i++) {
                double[] rowI = a[i];
                double s = rowI[j];
                for (int k = 0; k < j; k++) {
                    s -= rowI[k] * rowJ[k];
                }
                rowI[j] = s / ljj;
            }
        }
        // M = L⁻¹ (lower triangular), by forward substitution row by row
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            double[] li = a[i];
            double[] mi = m[i];
            mi[i] = 1 / li[i];
            for (int j = 0; j < i; j++) {
                double s = 0;
                for (int k = j; k < i; k++) {
                    s -= li[k] * m[k][j];
                }
                mi[j] = s / li[i];
            }
        }
        // A⁻¹ = Mᵀ·M, symmetric: (A⁻¹)_ij = Σ_{k ≥ max(i,j)} M_ki·M_kj
        double[][] inv = new double[n][n];
        for (int k = 0; k < n; k++) {
            double[] mk = m[k];
            for (int i = 0; i <= k; i++) {
                double v = mk[i];
                if (v == 0) {
                    continue;
                }
                double[] row = inv[i];
                for (int j = 0; j <= i; j++) {
                    row[j] += v * mk[j];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                inv[j][i] = inv[i][j];
            }
        }
        return inv;
    }
}
