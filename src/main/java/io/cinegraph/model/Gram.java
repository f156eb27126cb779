package io.cinegraph.model;

import org.bytedeco.openblas.global.openblas;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_MT_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

import java.util.logging.Logger;

/**
 * Dense linear algebra for the item-item models: the Gram matrix XᵀX of the binary interaction matrix, built
 * from each user's item list (Σ_u n_u² updates), and the inverse of a symmetric positive definite matrix.
 *
 * <p>The inverse is LAPACK's Cholesky (dpotrf, dpotri) of the OpenBLAS that ND4J ships when that LAPACK is right on
 * this processor, and EJML's blocked Cholesky solver (pure Java, every core) when it is not. OpenBLAS 0.3.19 picks
 * its kernels at run time, and its AVX-512 ones (SkylakeX) get LAPACK wrong: dpotrf reports positive definite
 * systems as not positive definite (OpenBLAS #3534), dgetri returns a wrong inverse silently, dsytrf crashed the JVM
 * (all three seen on this project's 2-core machines). So LAPACK is trusted only after it inverts a known 40 × 40
 * system to 1e-6, and each of its inverses is checked on sampled columns (A·x_j = e_j) before it is used; a failure
 * switches to EJML for good. {@code ./cinegraph} starts the JVM with {@code OPENBLAS_CORETYPE=Haswell} on AVX-512
 * processors, where the AVX2 kernels are right and ~8× faster than EJML (EASE over 9,742 movies: 21 s against 164 s).
 * Not ND4J's {@code InvertMatrix}: in 1.0.0-M2.1 it inverts by Commons Math's single-threaded LU (298 s for
 * ml-100k's 1682 × 1682 system).
 */
final class Gram {

    /** LAPACK's "lower triangle" flag. */
    private static final byte LOWER = (byte) 'L';
    private static final Logger LOG = Logger.getLogger(Gram.class.getName());
    /** Whether OpenBLAS's LAPACK inverts correctly on this processor: decided on first use, revoked on a failure. */
    private static volatile Boolean lapackTrusted;

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

    /**
     * XᵀX for a model that holds {@code matrices} dense n × n matrices at its peak: fails first, with what to do,
     * when the heap cannot hold them ({@link #requireHeap}).
     */
    static double[][] of(TrainingData data, int matrices, String model) {
        requireHeap(data.items(), matrices, model);
        return of(data);
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
     * The inverse of a symmetric positive definite matrix (A = L·Lᵀ, then A⁻¹ from L). The argument is overwritten
     * with the inverse, which is also returned.
     */
    static double[][] invertSpd(double[][] a) {
        if (!lapackTrusted()) {
            return ejmlInverse(a);
        }
        int n = a.length;
        double[][] inverse = lapackInverse(a);
        if (inverse != null && inverts(a, inverse, 8)) {
            copyInto(inverse, a);
            return a;
        }
        // EJML throws when the system is indeed not positive definite; if it inverts it, LAPACK was wrong
        ejmlInverse(a);
        distrust((inverse == null ? "it called a positive definite " : "its inverse failed the check on a ") + n + " × "
                + n + " system" + (inverse == null ? " not positive definite" : ""));
        return a;
    }

    /** EJML's blocked Cholesky solver on every core; the argument is overwritten with the inverse. */
    static double[][] ejmlInverse(double[][] a) {
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

    /** LAPACK's inverse, or null when dpotrf finds the system not positive definite. {@code a} is left as it was. */
    static double[][] lapackInverse(double[][] a) {
        int n = a.length;
        double[] packed = new double[n * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, packed, i * n, n);
        }
        int info = openblas.LAPACKE_dpotrf(openblas.LAPACK_ROW_MAJOR, LOWER, n, packed, n);
        if (info != 0) {
            return null;
        }
        if (openblas.LAPACKE_dpotri(openblas.LAPACK_ROW_MAJOR, LOWER, n, packed, n) != 0) {
            return null;
        }
        double[][] inverse = new double[n][n];
        // the lower triangle holds the (symmetric) inverse
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                inverse[i][j] = packed[i * n + j];
                inverse[j][i] = packed[i * n + j];
            }
        }
        return inverse;
    }

    /**
     * Whether A·x_j = e_j to within 1e-6 for {@code columns} evenly spread columns j of the (symmetric) inverse,
     * read as its rows j so that the check walks memory in order.
     */
    static boolean inverts(double[][] a, double[][] inverse, int columns) {
        int n = a.length;
        for (int c = 0; c < Math.min(columns, n); c++) {
            int j = (int) ((long) c * n / Math.min(columns, n));
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += a[i][k] * inverse[j][k];
                }
                double want = i == j ? 1 : 0;
                if (!(Math.abs(s - want) <= 1e-6)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean lapackTrusted() {
        Boolean trusted = lapackTrusted;
        if (trusted == null) {
            synchronized (Gram.class) {
                trusted = lapackTrusted;
                if (trusted == null) {
                    trusted = lapackPassesCheck();
                    lapackTrusted = trusted;
                    if (trusted) {
                        LOG.fine("EASE's inverse runs on OpenBLAS's LAPACK");
                    } else {
                        warn("it failed to invert a known 40 × 40 system");
                    }
                }
            }
        }
        return trusted;
    }

    /**
     * The known system LAPACK must invert before it is trusted: BᵀB + I for a seeded 40 × 40 B of uniform entries
     * (OpenBLAS's AVX-512 dpotrf calls it not positive definite at pivot 10).
     */
    static double[][] knownSystem() {
        int n = 40;
        java.util.Random random = new java.util.Random(3);
        double[][] b = new double[n][n];
        for (double[] row : b) {
            for (int j = 0; j < n; j++) {
                row[j] = random.nextDouble();
            }
        }
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    a[i][j] += b[k][i] * b[k][j];
                }
                a[i][j] += i == j ? 1 : 0;
            }
        }
        return a;
    }

    private static boolean lapackPassesCheck() {
        double[][] a = knownSystem();
        try {
            double[][] inverse = lapackInverse(a);
            return inverse != null && inverts(a, inverse, a.length);
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static synchronized void distrust(String why) {
        if (Boolean.TRUE.equals(lapackTrusted)) {
            lapackTrusted = false;
            warn(why);
        }
    }

    private static void warn(String why) {
        LOG.warning("OpenBLAS's LAPACK is wrong on this processor (" + why + "; its AVX-512 kernels, OpenBLAS #3534): "
                + "EASE's inverse runs on EJML instead, several times slower. Start the JVM with OPENBLAS_CORETYPE=Haswell "
                + "(./cinegraph does on AVX-512 processors) for the fast path.");
    }

    private static void copyInto(double[][] from, double[][] to) {
        for (int i = 0; i < from.length; i++) {
            System.arraycopy(from[i], 0, to[i], 0, from[i].length);
        }
    }
}
