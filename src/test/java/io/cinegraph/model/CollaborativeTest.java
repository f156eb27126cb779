package io.cinegraph.model;

import io.cinegraph.domain.Interaction;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class CollaborativeTest {

    /** 120 users rating 30–89 of 150 movies each, at random (seeded). */
    private static Collaborative fitted() {
        SplittableRandom random = new SplittableRandom(7);
        List<Interaction> ratings = new ArrayList<>();
        for (long user = 1; user <= 120; user++) {
            int count = 30 + random.nextInt(60);
            long[] movies = random.longs(0, 150).distinct().limit(count).toArray();
            for (int t = 0; t < movies.length; t++) {
                ratings.add(new Interaction(user, 1_000 + movies[t], 1 + random.nextInt(5), t * 100L));
            }
        }
        return Collaborative.fit(ratings, new Collaborative.Settings(1_000, 50, 20, 3_600));
    }

    @Test
    void aUsersScoresAreTheSumOfTheirItemsRowsWhateverTheHistoryLength() {
        Collaborative model = fitted();
        int n = model.items();
        assertThat(n).isEqualTo(150);
        // lengths around the partial sums' size: one row, fewer than one partial sum, exactly one, several and a rest
        for (int length : new int[]{1, Collaborative.ROWS_PER_PARTIAL_SUM - 1, Collaborative.ROWS_PER_PARTIAL_SUM,
                3 * Collaborative.ROWS_PER_PARTIAL_SUM + 5}) {
            int[] items = IntStream.range(0, length).map(k -> (k * 37) % n).toArray();
            double[] ease = model.ease(items);
            double[] cosine = model.cosine(items);
            for (int j = 0; j < n; j++) {
                double easeSum = 0;
                double cosineSum = 0;
                for (int i : items) {
                    easeSum += model.easeWeight(i, j);
                    cosineSum += model.cosine(i, j);
                }
                assertThat(Math.abs(ease[j] - easeSum)).as("EASE score of item %d, %d rows", j, length)
                        .isLessThanOrEqualTo(1e-6 * Math.max(1, Math.abs(easeSum)));
                assertThat(Math.abs(cosine[j] - cosineSum)).as("cosine score of item %d, %d rows", j, length)
                        .isLessThanOrEqualTo(1e-6 * Math.max(1, Math.abs(cosineSum)));
            }
        }
        assertThat(model.ease(new int[0])).containsOnly(0.0);
    }
}
