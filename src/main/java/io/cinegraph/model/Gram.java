package io.cinegraph.model;

import org.bytedeco.openblas.global.openblas;

/**
 * Dense linear algebra for the item-item models: the Gram matrix XᵀX of the binary interaction matrix, built
 * from each user's item list (Σ_u n_u² updates), and the inverse of a symmetric positive definite matrix through
 * LAPACK's Cholesky routines (dpotrf, dpotri) of the OpenBLAS that ND4J ships, multi-threaded (callers run the fits
 * that invert through {@code support/NativeThreads#allCores}, which lends OpenBLAS every core). Not ND4J's
 * {@code InvertMatrix}: in 1.0.0-M2.1 it copies the array element by element into a Commons Math matrix and
 * inverts it by Commons Math's single-threaded, pure-Java LU decomposition (298 s for ml-100k's 1682 × 1682 EASE
 * system on this 2-core machine).
 */
final class Gram {

    /** LAPACK's "lower triangle" flag. */
    private static final byte LOWER = (byte) 'L';

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
     * The inverse of a symmetric positive definite matrix: A = L·Lᵀ (dpotrf), then A⁻¹ from L (dpotri), both on
     * one row-major copy. The argument is overwritten with the inverse, which is also returned.
     */
    static double[][] invertSpd(double[][] a) {
        int n = a.length;
        double[] packed = new double[n * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, packed, i * n, n);
        }
        int info = openblas.LAPACKE_dpotrf(openblas.LAPACK_ROW_MAJOR, LOWER, n, packed, n);
        if (info > 0) {
            throw new IllegalArgumentException("matrix is not positive definite (pivot " + (info - 1) + ")");
        }
        require(info, "dpotrf");
        require(openblas.LAPACKE_dpotri(openblas.LAPACK_ROW_MAJOR, LOWER, n, packed, n), "dpotri");
        // the lower triangle holds the (symmetric) inverse
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                a[i][j] = packed[i * n + j];
                a[j][i] = packed[i * n + j];
            }
        }
        return a;
    }

    private static void require(int info, String routine) {
        if (info != 0) {
            throw new IllegalStateException("LAPACK " + routine + " failed (info " + info + ")");
        }
    }
}
