package io.cinegraph.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SortedTest {

    private static final double[] SCORES = {0.5, 1.0, 1.0, 1.0, 2.5};
    private static final long[] TIMES = {10, 20, 20, 30};

    @Test
    void firstAboveSkipsEveryRepeatOfTheValue() {
        assertEquals(4, Sorted.firstAbove(SCORES, 1.0, 0));
        assertEquals(0, Sorted.firstAbove(SCORES, 0.1, 0));
        assertEquals(5, Sorted.firstAbove(SCORES, 9.0, 0));
        assertEquals(3, Sorted.firstAbove(SCORES, 0.1, 3));
    }

    @Test
    void firstAtLeastStopsAtTheFirstRepeatOfTheValue() {
        assertEquals(1, Sorted.firstAtLeast(SCORES, 1.0));
        assertEquals(4, Sorted.firstAtLeast(SCORES, 1.5));
        assertEquals(5, Sorted.firstAtLeast(SCORES, 3.0));
    }

    @Test
    void countAtMostCountsRepeatsAndBothEnds() {
        assertEquals(0, Sorted.countAtMost(TIMES, 9));
        assertEquals(1, Sorted.countAtMost(TIMES, 19));
        assertEquals(3, Sorted.countAtMost(TIMES, 20));
        assertEquals(4, Sorted.countAtMost(TIMES, 30));
        assertEquals(0, Sorted.countAtMost(new long[0], 5));
    }

    @Test
    void partitionPointOfAnAllTruePredicateIsTheEnd() {
        assertEquals(7, Sorted.partitionPoint(2, 7, i -> true));
        assertEquals(2, Sorted.partitionPoint(2, 7, i -> false));
    }
}
