package io.cinegraph.signals;

import io.cinegraph.graph.SignalsRepository;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongPredicate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every way of finding the most-rated movies of a window (the early-stopping visit by movie; over the time-ordered
 * ratings, counted one by one or from checkpoints) gives exactly what counting every movie and sorting them gives.
 */
class MostRatedTest {

    @Test
    void sameAsCountingEveryMovie() {
        Random random = new Random(7);
        int movies = 400;
        int n = 20_000;
        long[] users = new long[n];
        long[] movieIds = new long[n];
        double[] ratings = new double[n];
        long[] times = new long[n];
        for (int r = 0; r < n; r++) {
            users[r] = r;
            // long-tailed popularity, with many ties in the tail
            movieIds[r] = 1 + (long) Math.floor(movies * Math.pow(random.nextDouble(), 3));
            ratings[r] = 1 + random.nextInt(5);
            times[r] = random.nextInt(1_000_000);
        }
        Map<Long, SignalSnapshot.MovieSignals> catalogue = new HashMap<>();
        for (long m = 1; m <= movies + 20; m++) {
            catalogue.put(m, new SignalSnapshot.MovieSignals("m" + m, List.of(), null, 0, null, 0));
        }
        SignalSnapshot snapshot = SignalSnapshot.ofRatings(new SignalsRepository.GlobalStats(3, 1_000_000, n, 5),
                catalogue, RatingTable.of(users, movieIds, ratings, times));
        LongPredicate odd = m -> m % 2 == 1;
        for (long[] window : new long[][]{{Long.MIN_VALUE, 1_000_000}, {Long.MIN_VALUE, 200_000}, {900_000, 1_000_000},
                {500_000, 530_000}, {0, 10}, {123_457, 876_543}, {Long.MIN_VALUE, Long.MAX_VALUE}, {999_999, 1_000_000}}) {
            for (int limit : new int[]{1, 10, 50, 1000}) {
                for (LongPredicate allowed : List.<LongPredicate>of(m -> true, odd)) {
                    List<SignalSnapshot.Count> expected = everyMovie(snapshot, catalogue, window[0], window[1], limit, allowed);
                    String what = "window " + window[0] + ".." + window[1] + ", limit " + limit;
                    assertEquals(expected, snapshot.mostRatedBetween(window[0], window[1], limit, allowed), what);
                    assertEquals(expected, snapshot.mostRatedByMovie(window[0], window[1], limit, allowed), what);
                    assertEquals(expected, snapshot.mostRatedByTime(window[0], window[1], limit, allowed, true), what);
                    assertEquals(expected, snapshot.mostRatedByTime(window[0], window[1], limit, allowed, false), what);
                }
            }
        }
    }

    @Test
    void timesTooFarApartToPackAreCountedByMovie() {
        long[] times = {0, Long.MAX_VALUE / 2, Long.MAX_VALUE / 2 + 5};
        Map<Long, SignalSnapshot.MovieSignals> catalogue = new HashMap<>();
        for (long m = 1; m <= 2; m++) {
            catalogue.put(m, new SignalSnapshot.MovieSignals("m" + m, List.of(), null, 0, null, 0));
        }
        SignalSnapshot snapshot = SignalSnapshot.ofRatings(new SignalsRepository.GlobalStats(3, 3, 3, 2), catalogue,
                RatingTable.of(new long[]{1, 2, 3}, new long[]{1, 2, 2}, new double[]{4, 4, 4}, times));
        assertEquals(List.of(new SignalSnapshot.Count(2, 2), new SignalSnapshot.Count(1, 1)),
                snapshot.mostRatedBetween(Long.MIN_VALUE, Long.MAX_VALUE, 5, m -> true));
        assertEquals(List.of(new SignalSnapshot.Count(2, 1)), snapshot.mostRatedBetween(1, Long.MAX_VALUE / 2, 5, m -> true));
    }

    private static List<SignalSnapshot.Count> everyMovie(SignalSnapshot snapshot, Map<Long, SignalSnapshot.MovieSignals> catalogue,
                                                         long from, long to, int limit, LongPredicate allowed) {
        List<SignalSnapshot.Count> all = new ArrayList<>();
        for (long m : catalogue.keySet()) {
            int c = snapshot.ratingsBetween(m, from, to);
            if (allowed.test(m) && c > 0) {
                all.add(new SignalSnapshot.Count(m, c));
            }
        }
        all.sort(Comparator.comparingInt(SignalSnapshot.Count::ratings).reversed()
                .thenComparingLong(SignalSnapshot.Count::movieId));
        return all.subList(0, Math.min(limit, all.size()));
    }
}
