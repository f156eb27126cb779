package io.cinegraph.model;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Fractional ranks: the mean position of each tie group in the descending order. */
class FractionalRanksTest {

    @Test
    void tiedScoresShareTheirMeanRank() {
        assertThat(FractionalRanks.of(new double[]{0.5, 0, 0, 0.9, 0}).all()).containsExactly(1, 3, 3, 0, 3);
        assertThat(FractionalRanks.of(new double[]{0, 0, 0, 0}).all()).containsExactly(1.5, 1.5, 1.5, 1.5);
        assertThat(FractionalRanks.of(new double[]{-0.0, 0.0, 1}).all()).containsExactly(1.5, 1.5, 0);
    }

    @Test
    void ranksAreTheMeanPositionsOfTheDescendingOrder() {
        Random random = new Random(5);
        for (int trial = 0; trial < 100; trial++) {
            double[] scores = new double[random.nextInt(200)];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = random.nextInt(9) - 3 + (random.nextBoolean() ? 0 : random.nextDouble());
            }
            int[] order = Ranking.byScore(scores);
            double[] expected = new double[scores.length];
            for (int from = 0, to; from < order.length; from = to) {
                to = from + 1;
                while (to < order.length && scores[order[to]] == scores[order[from]]) {
                    to++;
                }
                for (int r = from; r < to; r++) {
                    expected[order[r]] = (from + to - 1) / 2.0;
                }
            }
            assertThat(FractionalRanks.of(scores).all()).containsExactly(expected);
        }
    }
}
