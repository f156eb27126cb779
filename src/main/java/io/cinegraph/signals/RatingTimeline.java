package io.cinegraph.signals;

import io.cinegraph.domain.Sorted;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.LongPredicate;

/**
 * Every rating's time with its movie, in time order, packed into one sorted {@code long[]} (the time since the
 * first rating in the high bits, the movie's dense index in the low bits; 8 bytes a rating), with each movie's
 * count of the ratings before every checkpoint (2 bytes a rating). The most-rated movies of any time window then
 * cost at most about three times the catalogue: a narrow window is counted rating by rating, a wide one as the
 * difference of the two checkpoints around its ends plus the few ratings between a checkpoint and an end.
 */
final class RatingTimeline {

    private final long[] movieIds;
    private final long[] keys;
    private final long firstTime;
    private final long lastTime;
    private final int bits;
    /** Positions between checkpoints: twice the catalogue (at least 1,024), so checkpoints cost 2 bytes a rating. */
    private final int stride;
    /** checkpoints[c][m]: the ratings of movie m among the first c·stride of the timeline. */
    private final int[][] checkpoints;

    private RatingTimeline(long[] movieIds, long[] keys, long firstTime, long lastTime, int bits) {
        this.movieIds = movieIds;
        this.keys = keys;
        this.firstTime = firstTime;
        this.lastTime = lastTime;
        this.bits = bits;
        this.stride = Math.max(1024, 2 * movieIds.length);
        this.checkpoints = new int[keys.length / stride + 1][];
        int[] running = new int[movieIds.length];
        for (int i = 0; i <= keys.length; i++) {
            if (i % stride == 0) {
                checkpoints[i / stride] = running.clone();
            }
            if (i < keys.length) {
                running[movie(i)]++;
            }
        }
    }

    private int movie(int position) {
        return (int) (keys[position] & ((1L << bits) - 1));
    }

    /**
     * The timeline of {@code ratingTimes} (each movie's rating times), or null when its times span more than the
     * packing leaves room for (then callers count per movie).
     */
    static RatingTimeline of(Map<Long, long[]> ratingTimes) {
        long[] movieIds = ratingTimes.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        int bits = Math.max(1, 64 - Long.numberOfLeadingZeros(movieIds.length));
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long total = 0;
        for (long[] times : ratingTimes.values()) {
            if (times.length > 0) {
                first = Math.min(first, times[0]);
                last = Math.max(last, times[times.length - 1]);
                total += times.length;
            }
        }
        if (total == 0) {
            return new RatingTimeline(movieIds, new long[0], 0, -1, bits);
        }
        long span = last - first;
        if (span < 0 || total > Integer.MAX_VALUE - 8 || span >= (1L << (63 - bits))) {
            return null;
        }
        long[] keys = new long[(int) total];
        int k = 0;
        for (int i = 0; i < movieIds.length; i++) {
            for (long t : ratingTimes.get(movieIds[i])) {
                keys[k++] = ((t - first) << bits) | i;
            }
        }
        Arrays.parallelSort(keys);
        return new RatingTimeline(movieIds, keys, first, last, bits);
    }

    /** How many ratings fall in the window (from, to]. */
    int size(long from, long to) {
        return Math.max(0, atOrBefore(to) - atOrBefore(from));
    }

    /**
     * The {@code limit} movies with the most ratings in (from, to], most first and ties by id, among those
     * {@code allowed} ({@code allowed} is asked only about movies that could still enter). The window is counted
     * rating by rating, or as the difference of two checkpointed prefix counts, whichever touches fewer entries:
     * at most about three times the catalogue, however wide the window.
     */
    List<SignalSnapshot.Count> mostRated(long from, long to, int limit, LongPredicate allowed) {
        int lo = atOrBefore(from);
        int hi = atOrBefore(to);
        if (limit <= 0 || lo >= hi) {
            return List.of();
        }
        boolean direct = hi - lo <= 2L * movieIds.length + hi % stride + lo % stride;
        return select(direct ? countDirectly(lo, hi) : countByCheckpoints(lo, hi), limit, allowed);
    }

    /** {@link #mostRated} with the window counted one way ({@code direct}) or the other, for tests. */
    List<SignalSnapshot.Count> mostRated(long from, long to, int limit, LongPredicate allowed, boolean direct) {
        int lo = atOrBefore(from);
        int hi = atOrBefore(to);
        if (limit <= 0 || lo >= hi) {
            return List.of();
        }
        return select(direct ? countDirectly(lo, hi) : countByCheckpoints(lo, hi), limit, allowed);
    }

    /** Per-movie counts of positions [lo, hi), and the movies counted. */
    private record Counts(int[] counts, int[] touched, int n) {
    }

    private Counts countDirectly(int lo, int hi) {
        int[] counts = new int[movieIds.length];
        int[] touched = new int[Math.min(movieIds.length, hi - lo)];
        int n = 0;
        for (int i = lo; i < hi; i++) {
            int movie = movie(i);
            if (counts[movie]++ == 0) {
                touched[n++] = movie;
            }
        }
        return new Counts(counts, touched, n);
    }

    private Counts countByCheckpoints(int lo, int hi) {
        int[] counts = checkpoints[hi / stride].clone();
        for (int i = hi / stride * stride; i < hi; i++) {
            counts[movie(i)]++;
        }
        int[] before = checkpoints[lo / stride];
        for (int m = 0; m < counts.length; m++) {
            counts[m] -= before[m];
        }
        for (int i = lo / stride * stride; i < lo; i++) {
            counts[movie(i)]--;
        }
        int[] touched = new int[movieIds.length];
        int n = 0;
        for (int m = 0; m < counts.length; m++) {
            if (counts[m] > 0) {
                touched[n++] = m;
            }
        }
        return new Counts(counts, touched, n);
    }

    private List<SignalSnapshot.Count> select(Counts window, int limit, LongPredicate allowed) {
        int[] counts = window.counts();
        int[] touched = window.touched();
        Comparator<SignalSnapshot.Count> order = SignalSnapshot.MOST_RATED_FIRST;
        PriorityQueue<SignalSnapshot.Count> kept = new PriorityQueue<>(limit + 1, order.reversed());
        for (int j = 0; j < window.n(); j++) {
            long movieId = movieIds[touched[j]];
            int c = counts[touched[j]];
            if (kept.size() == limit) {
                SignalSnapshot.Count last = kept.peek();
                if (c < last.ratings() || c == last.ratings() && movieId > last.movieId()) {
                    continue;
                }
            }
            if (allowed.test(movieId)) {
                kept.add(new SignalSnapshot.Count(movieId, c));
                if (kept.size() > limit) {
                    kept.poll();
                }
            }
        }
        List<SignalSnapshot.Count> out = new ArrayList<>(kept);
        out.sort(order);
        return out;
    }

    /** The number of ratings at or before {@code time}. */
    private int atOrBefore(long time) {
        if (time < firstTime) {
            return 0;
        }
        if (time >= lastTime) {
            return keys.length;
        }
        // the first key of a later time is the first one above the last key this time could have
        return Sorted.countAtMost(keys, ((time - firstTime + 1) << bits) - 1);
    }
}
