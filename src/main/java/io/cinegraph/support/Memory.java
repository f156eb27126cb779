package io.cinegraph.support;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * What this process uses: the peak heap since the last reset, and the resident set (Linux).
 *
 * <p>The peak heap is the largest heap in use right after a garbage collection: what the process held then,
 * bounded by {@code -Xmx}. (Summing each pool's own peak, as the pools report it, overstates it: eden and the
 * old generation peak at different moments, and the sum can exceed {@code -Xmx}.)
 */
public final class Memory {

    private static final double MIB = 1024.0 * 1024.0;
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    /** The largest heap in use after a collection since the last reset; -1 before the first one. */
    private static final AtomicLong PEAK_AFTER_GC = new AtomicLong(-1);

    static {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                        long used = 0;
                        for (var pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                            if (HEAP_POOLS.contains(pool.getKey())) {
                                used += pool.getValue().getUsed();
                            }
                        }
                        PEAK_AFTER_GC.accumulateAndGet(used, Math::max);
                    }
                }, null, null);
            }
        }
    }

    private Memory() {
    }

    /** Starts measuring the peak heap afresh. */
    public static void resetPeakHeap() {
        PEAK_AFTER_GC.set(-1);
    }

    /**
     * The largest heap in use after a collection since the last reset (or since the JVM started); when no
     * collection ran, what is in use now.
     */
    public static double peakHeapMiB() {
        long peak = PEAK_AFTER_GC.get();
        return (peak < 0 ? heapUsed() : peak) / MIB;
    }

    /** The heap in use before and right after a full collection, and how long the collection took. */
    public record Collected(long heapUsedBeforeBytes, long heapUsedAfterBytes, double collectedInMs) {
    }

    /**
     * Runs a full collection now ({@code System.gc()}, which stops the application for its length) and returns the
     * heap in use right after it: the live data, without the garbage a young collection leaves in the old
     * generation until the next mixed or full one.
     */
    public static Collected collect() {
        long before = heapUsed();
        long start = System.nanoTime();
        System.gc();
        return new Collected(before, heapUsed(), (System.nanoTime() - start) / 1e6);
    }

    private static long heapUsed() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return heap.getUsed();
    }

    /** The resident set size now, or NaN where /proc is not there. */
    public static double rssMiB() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
