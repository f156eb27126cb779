package io.cinegraph.model;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** The top-k selection gives exactly the first k of the full order, ties included. */
class RankingTest {

    @Test
    void topIsThePrefixOfTheFullOrder() {
        Random random = new Random(11);
        for (int trial = 0; trial < 200; trial++) {
            int n = random.nextInt(300);
            double[] scores = new double[n];
            for (int i = 0; i < n; i++) {
                // few distinct values: many ties, which the index breaks (and −0.0 ties with 0.0); or all distinct
                scores[i] = trial % 3 == 2 ? random.nextGaussian() : trial % 3 == 1 && i % 5 == 0 ? -0.0
                        : random.nextInt(7) - 2;
            }
            int[] full = Ranking.byScore(scores);
            for (int k : new int[]{0, 1, 5, n / 2, n, n + 3}) {
                assertArrayEquals(Arrays.copyOf(full, Math.min(Math.max(k, 0), n)), Ranking.topByScore(scores, k),
                        "n " + n + ", k " + k);
                assertArrayEquals(Arrays.copyOf(full, Math.min(Math.max(k, 0), n)), FractionalRanks.of(scores).top(k),
                        "ranks' top, n " + n + ", k " + k);
            }
        }
    }
}
