package io.cinegraph.model;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_MT_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Dense linear algebra for the item-item models: the Gram matrix XᵀX of the binary interaction matrix, built
 * from each user's item list (Σ_u n_u² updates), and the inverse of a symmetric positive definite matrix by EJML's
 * blocked Cholesky solver on every core. Not LAPACK's dpotrf of the OpenBLAS that ND4J 1.0.0-M2.1 ships: its
 * AVX-512 kernels (chosen at run time on AVX-512 processors) report positive definite matrices as not positive
 * definite (OpenBLAS #3534; GramTest's 40 × 40 system failed at pivot 10 on this project's machines). Not ND4J's
 * {@code InvertMatrix} either: in 1.0.0-M2.1 it copies the array element by element into a Commons Math matrix
 * and inverts it by a single-threaded LU decomposition (298 s for ml-100k's 1682 × 1682 EASE system).
 */
final class Gram {

    private Gram() {
    }

    /**
     * Fails at once, with what to do, when {@code matrices} dense n × n matrices of doubles cannot fit in the
     * heap at all (rather than after minutes, with an OutOfMemoryError).
     */
    static void requireHeap(int n, int matrices, String model) {
        double need = (double) matrices * n * n * Double.BYTES;
        double max = Runtime.getRuntime().maxMemory();
        if (need > max) {
            throw new HeapTooSmallException(String.format(java.util.Locale.ROOT, "%s over %,d movies needs %.1f GiB "
                    + "of heap for its dense matrices, more than the %.1f GiB this JVM may use: raise -Xmx, or leave %s "
                    + "out (--models)", model, n, need / (1 << 30), max / (1 << 30), model));
        }
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
     * The inverse of a symmetric positive definite matrix through EJML's blocked Cholesky solver, multi-threaded
     * (A = L·Lᵀ, then A⁻¹ from L). The argument is overwritten with the inverse, which is also returned.
     */
    static double[][] invertSpd(double[][] a) {
        int n = a.length;
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_MT_DDRM.symmPosDef(n);
        if (!solver.setA(new DMatrixRMaj(a))) {
            throw new IllegalArgumentException("matrix of " + n + " rows is not positive definite");
        }
        DMatrixRMaj inverse = new DMatrixRMaj(n, n);
        solver.invert(inverse);
        for (int i = 0; i < n; i++) {
            System.arraycopy(inverse.data, i * n, a[i], 0, n);
        }
        return a;
    }
}
