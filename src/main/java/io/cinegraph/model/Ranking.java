package io.cinegraph.model;

import io.cinegraph.domain.Sorted;

import java.util.Arrays;
import java.util.Comparator;

/** The one rule for ordering scored items: score descending, ties by the lower index (or id) first. */
public final class Ranking {

    private Ranking() {
    }

    /** Indexes 0..n-1 by score descending, ties by index. */
    public static int[] byScore(double[] scores) {
        return order(scores.length, best(scores));
    }

    /** Positions of {@code scores}, the better first: score descending, ties by the lower index. */
    private static Comparator<Integer> best(double[] scores) {
        return (p, q) -> scores[p] != scores[q] ? Double.compare(scores[q], scores[p]) : Integer.compare(p, q);
    }

    /**
     * The first {@code k} of {@link #byScore(double[])} (scores not NaN), with primitive sorts only: the scores
     * sorted once give the k-th best as a threshold and, for each item at or above it, how many items score higher;
     * (that count, index) as one long sorts into the order. No boxing: serving asks this of the whole catalogue
     * several times per ranking.
     */
    public static int[] topByScore(double[] scores, int k) {
        double[] ascending = scores.clone();
        Arrays.sort(ascending);
        return topByScore(scores, ascending, k);
    }

    /** As {@link #topByScore(double[], int)}, with {@code ascending} the scores already sorted (not changed here). */
    static int[] topByScore(double[] scores, double[] ascending, int k) {
        int n = scores.length;
        int keep = Math.max(0, Math.min(k, n));
        if (keep == 0) {
            return new int[0];
        }
        double threshold = ascending[n - keep];
        long[] keys = new long[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (scores[i] >= threshold) {
                long higher = n - Sorted.firstAbove(ascending, scores[i], 0);
                keys[m++] = higher << 32 | i;
            }
        }
        Arrays.sort(keys, 0, m);
        int[] top = new int[keep];
        for (int r = 0; r < keep; r++) {
            top[r] = (int) keys[r];
        }
        return top;
    }

    /** Positions by score descending, ties by the id at that position (ascending). */
    public static int[] byScore(float[] scores, long[] ids) {
        return order(scores.length, (p, q) -> scores[p] != scores[q] ? Float.compare(scores[q], scores[p])
                : Long.compare(ids[p], ids[q]));
    }

    private static int[] order(int n, Comparator<Integer> comparator) {
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, comparator);
        return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    }
}
