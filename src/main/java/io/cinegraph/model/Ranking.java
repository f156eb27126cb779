package io.cinegraph.model;

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
     * The first {@code k} of {@link #byScore(double[])}, found without sorting all of them: one pass that keeps the
     * k best seen so far in a heap (n log k instead of n log n, and most items rejected by one comparison).
     */
    public static int[] topByScore(double[] scores, int k) {
        int n = scores.length;
        int keep = Math.max(0, Math.min(k, n));
        if (keep == 0) {
            return new int[0];
        }
        Comparator<Integer> better = best(scores);
        java.util.PriorityQueue<Integer> kept = new java.util.PriorityQueue<>(keep + 1, better.reversed());
        for (int i = 0; i < n; i++) {
            if (kept.size() < keep) {
                kept.add(i);
            } else if (beats(scores, i, kept.peek())) {
                kept.poll();
                kept.add(i);
            }
        }
        Integer[] top = kept.toArray(new Integer[0]);
        Arrays.sort(top, better);
        return Arrays.stream(top).mapToInt(Integer::intValue).toArray();
    }

    /** Whether position p comes before position q in {@link #byScore(double[])} (no boxing). */
    private static boolean beats(double[] scores, int p, int q) {
        return scores[p] != scores[q] ? Double.compare(scores[q], scores[p]) < 0 : p < q;
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
