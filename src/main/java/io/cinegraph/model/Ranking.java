package io.cinegraph.model;

import java.util.Arrays;
import java.util.Comparator;

/** The one rule for ordering scored items: score descending, ties by the lower index (or id) first. */
public final class Ranking {

    private Ranking() {
    }

    /** Indexes 0..n-1 by score descending, ties by index. */
    public static int[] byScore(double[] scores) {
        return order(scores.length, (p, q) -> scores[p] != scores[q] ? Double.compare(scores[q], scores[p])
                : Integer.compare(p, q));
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
