package io.cinegraph.domain;

import java.util.function.IntPredicate;

/**
 * Positions in sorted arrays, found by binary search. Unlike {@link java.util.Arrays#binarySearch}, each answer is
 * exact when values repeat: the first position past every value ≤ (or &lt;) the one asked for.
 */
public final class Sorted {

    private Sorted() {
    }

    /**
     * The first position in [from, to) where {@code before} is false, given that it is true on a prefix of that range
     * and false on the rest ({@code to} when it is true throughout).
     */
    public static int partitionPoint(int from, int to, IntPredicate before) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (before.test(mid)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The first position from {@code from} on of ascending {@code a} holding a value &gt; {@code x}. */
    public static int firstAbove(double[] a, double x, int from) {
        return partitionPoint(from, a.length, i -> a[i] <= x);
    }

    /** The first position of ascending {@code a} holding a value ≥ {@code x} ({@code a.length} when none does). */
    public static int firstAtLeast(double[] a, double x) {
        return partitionPoint(0, a.length, i -> a[i] < x);
    }

    /** The number of elements of ascending {@code a} that are ≤ {@code x}. */
    public static int countAtMost(long[] a, long x) {
        if (a.length == 0 || x < a[0]) {
            return 0;
        }
        if (x >= a[a.length - 1]) {
            return a.length;
        }
        return partitionPoint(0, a.length, i -> a[i] <= x);
    }
}
