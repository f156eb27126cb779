package io.cinegraph.support;

import org.jboss.logging.Logger;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.nd4j.nativeblas.Nd4jBlas;


/**
 * How many threads each native linear-algebra operation may use. The networks are small (a few thousand
 * parameters per layer, batches of hundreds of rows), so an operation is over in microseconds and the fork, join
 * and spin of OpenMP and OpenBLAS threads cost more than they save: on the project's 2-core reference machine one
 * thread per operation fits the ranking network three times faster than ND4J's default (one per core), and
 * serving already runs one request per thread. {@code OMP_NUM_THREADS}, when set, wins over all of this.
 */
public final class NativeThreads {

    private static final Logger LOG = Logger.getLogger(NativeThreads.class);
    /** Threads per operation unless {@code OMP_NUM_THREADS} says otherwise. */
    static final int PER_OPERATION = 1;
    private static volatile boolean configured;
    private static boolean managed;
    private static final ThreadLocal<Boolean> APPLIED = ThreadLocal.withInitial(() -> false);

    private NativeThreads() {
    }

    /** Applies the setting once per process, before the first network is built or loaded. */
    public static void configure() {
        if (configured) {
            return;
        }
        synchronized (NativeThreads.class) {
            if (configured) {
                return;
            }
            String fromEnvironment = System.getenv("OMP_NUM_THREADS");
            managed = fromEnvironment == null || fromEnvironment.isBlank();
            if (managed) {
                set(PER_OPERATION);
                APPLIED.set(true);
                LOG.debugf("Native linear algebra uses %d thread(s) per operation", PER_OPERATION);
            }
            configured = true;
        }
    }

    /**
     * Applies the per-operation setting to the calling thread too: OpenMP keeps the thread count per thread, so
     * every thread that runs ND4J operations (request threads, the batch-preparing thread) calls this first;
     * after the first call on a thread it costs a thread-local read.
     */
    public static void onThisThread() {
        configure();
        if (managed && !APPLIED.get()) {
            NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(PER_OPERATION);
            ((Nd4jBlas) Nd4j.factory().blas()).setMaxThreads(PER_OPERATION);
            APPLIED.set(true);
        }
    }

    private static void set(int threads) {
        Nd4j.getEnvironment().setMaxThreads(threads);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
        ((Nd4jBlas) Nd4j.factory().blas()).setMaxThreads(threads);
    }
}
