package io.cinegraph.signals;

import io.cinegraph.graph.SignalsRepository;
import io.cinegraph.graph.SignalsRepository.Replacement;
import io.cinegraph.graph.SignalsRepository.Scored;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.stream.DoubleStream;
import java.util.stream.LongStream;

/**
 * User neighbours and rating-based item similarity for the whole graph, computed in memory: one bulk read of every
 * rating into compact arrays (by user, latest first, ties by lower movie id; by movie, latest first, ties by lower
 * user id), each user's or movie's list computed on its own thread's accumulators, then written back in batches.
 * The formulas and the degree cap are those of {@code cypher/signals/user_neighbours.cypher} and
 * {@code item_similarity.cypher}, which refresh one user or movie on demand; a test holds the two to the same
 * relationships. Each user costs Σ over their movies of min(raters, cap), each movie at most cap², so the step grows
 * with the number of ratings, not with users × users.
 */
final class CoRatings {

    private final long[] userIds;
    private final long[] movieIds;
    /** By user: the movies of user u are byUserItem[userStart[u] .. userStart[u + 1]), r − μ_u in byUserDev. */
    private final int[] userStart;
    private final int[] byUserItem;
    private final double[] byUserDev;
    /** By movie: the raters of movie i are byMovieUser[movieStart[i] .. movieStart[i + 1]), r − μ_u in byMovieDev. */
    private final int[] movieStart;
    private final int[] byMovieUser;
    private final double[] byMovieDev;
    private final ThreadLocal<Accumulator> userAccumulator;
    private final ThreadLocal<Accumulator> movieAccumulator;

    private CoRatings(long[] users, long[] movies, double[] ratings, long[] times) {
        userIds = LongStream.of(users).distinct().sorted().toArray();
        movieIds = LongStream.of(movies).distinct().sorted().toArray();
        int n = users.length;
        int[] user = new int[n];
        int[] movie = new int[n];
        for (int r = 0; r < n; r++) {
            user[r] = Arrays.binarySearch(userIds, users[r]);
            movie[r] = Arrays.binarySearch(movieIds, movies[r]);
        }
        double[] sums = new double[userIds.length];
        int[] counts = new int[userIds.length];
        for (int r = 0; r < n; r++) {
            sums[user[r]] += ratings[r];
            counts[user[r]]++;
        }
        // order: latest first, then lower user index, then lower movie index (indexes follow ids)
        int[] order = identity(n);
        order = stableBy(order, movie, movieIds.length);
        order = stableBy(order, user, userIds.length);
        order = latestFirst(order, times);
        userStart = starts(user, userIds.length);
        movieStart = starts(movie, movieIds.length);
        byUserItem = new int[n];
        byUserDev = new double[n];
        byMovieUser = new int[n];
        byMovieDev = new double[n];
        int[] userNext = userStart.clone();
        int[] movieNext = movieStart.clone();
        for (int r : order) {
            int u = user[r];
            double dev = ratings[r] - sums[u] / counts[u];
            int a = userNext[u]++;
            byUserItem[a] = movie[r];
            byUserDev[a] = dev;
            int b = movieNext[movie[r]]++;
            byMovieUser[b] = u;
            byMovieDev[b] = dev;
        }
        userAccumulator = ThreadLocal.withInitial(() -> new Accumulator(userIds.length));
        movieAccumulator = ThreadLocal.withInitial(() -> new Accumulator(movieIds.length));
    }

    /** Ratings given as parallel arrays (user id, movie id, rating, time of rating i). */
    static CoRatings of(long[] users, long[] movies, double[] ratings, long[] times) {
        return new CoRatings(users, movies, ratings, times);
    }

    /** Every rating of the graph, read in one pass. */
    static CoRatings read(SignalsRepository repository) {
        LongStream.Builder users = LongStream.builder();
        LongStream.Builder movies = LongStream.builder();
        DoubleStream.Builder ratings = DoubleStream.builder();
        LongStream.Builder times = LongStream.builder();
        repository.ratings(r -> {
            users.add(r.userId());
            movies.add(r.movieId());
            ratings.add(r.rating());
            times.add(r.ratedAt());
        });
        return of(users.build().toArray(), movies.build().toArray(), ratings.build().toArray(), times.build().toArray());
    }

    int ratings() {
        return byUserItem.length;
    }

    /**
     * The k best neighbours of each user: over the movies both rated (for each movie of u, its cap latest raters),
     * sim = Σ du·dv / sqrt(Σ du² · Σ dv²), score = sim · overlap / (overlap + shrinkage); positive scores with
     * overlap ≥ minOverlap, best first, ties by lower user id. A user without ratings gets an empty list.
     */
    List<Replacement> userNeighbours(List<Long> users, int k, int minOverlap, double shrinkage, int cap) {
        return best(users, userIds, new Hop(userStart, byUserItem, byUserDev, Integer.MAX_VALUE),
                new Hop(movieStart, byMovieUser, byMovieDev, cap), userAccumulator.get(), k, minOverlap, shrinkage);
    }

    /**
     * The k most similar movies of each movie: over its cap latest raters and, for each of them, their cap latest
     * ratings, sim = Σ di·dj / sqrt(Σ di² · Σ dj²) with d = r − μ_u, score as for neighbours; ties by lower movie id.
     */
    List<Replacement> itemSimilarity(List<Long> movies, int k, int minOverlap, double shrinkage, int cap) {
        return best(movies, movieIds, new Hop(movieStart, byMovieUser, byMovieDev, cap),
                new Hop(userStart, byUserItem, byUserDev, cap), movieAccumulator.get(), k, minOverlap, shrinkage);
    }

    /** One step of a two-step walk over the ratings: from an index to at most {@code cap} of its entries. */
    private record Hop(int[] start, int[] other, double[] dev, int cap) {
        int end(int from) {
            return (int) Math.min(start[from + 1], (long) start[from] + cap);
        }
    }

    /**
     * For each id: walk self → (first hop) → middle → (second hop) → other, summing the two deviations' products
     * and squares per other (self excluded), then keep the k best scores.
     */
    private static List<Replacement> best(List<Long> selves, long[] ids, Hop first, Hop second, Accumulator acc,
                                          int k, int minOverlap, double shrinkage) {
        List<Replacement> out = new ArrayList<>(selves.size());
        for (long id : selves) {
            int self = Arrays.binarySearch(ids, id);
            if (self >= 0) {
                for (int a = first.start[self], endA = first.end(self); a < endA; a++) {
                    int middle = first.other[a];
                    double own = first.dev[a];
                    for (int b = second.start[middle], endB = second.end(middle); b < endB; b++) {
                        if (second.other[b] != self) {
                            acc.add(second.other[b], own, second.dev[b]);
                        }
                    }
                }
            }
            out.add(new Replacement(id, acc.best(ids, k, minOverlap, shrinkage)));
        }
        return out;
    }

    /** Per-thread sums over the co-rated entries of one user or movie, reset after each. */
    private static final class Accumulator {
        private final double[] products;
        private final double[] ownSquares;
        private final double[] otherSquares;
        private final int[] overlap;
        private int[] touched = new int[1024];
        private int size;

        Accumulator(int n) {
            products = new double[n];
            ownSquares = new double[n];
            otherSquares = new double[n];
            overlap = new int[n];
        }

        void add(int other, double own, double theirs) {
            if (overlap[other]++ == 0) {
                if (size == touched.length) {
                    touched = Arrays.copyOf(touched, size * 2);
                }
                touched[size++] = other;
            }
            products[other] += own * theirs;
            ownSquares[other] += own * own;
            otherSquares[other] += theirs * theirs;
        }

        /** The k best scores among the touched entries, best first, ties by lower id; then resets. */
        List<Scored> best(long[] ids, int k, int minOverlap, double shrinkage) {
            // worst on top: lower score, then higher id
            PriorityQueue<Scored> top = new PriorityQueue<>(Math.max(1, k + 1),
                    Comparator.comparingDouble(Scored::score).thenComparing(Scored::id, Comparator.reverseOrder()));
            for (int t = 0; t < size; t++) {
                int o = touched[t];
                int n = overlap[o];
                if (k > 0 && n >= minOverlap && ownSquares[o] > 0 && otherSquares[o] > 0) {
                    double score = products[o] / Math.sqrt(ownSquares[o] * otherSquares[o]) * n / (n + shrinkage);
                    if (score > 0) {
                        top.add(new Scored(ids[o], score, n));
                        if (top.size() > k) {
                            top.poll();
                        }
                    }
                }
                products[o] = 0;
                ownSquares[o] = 0;
                otherSquares[o] = 0;
                overlap[o] = 0;
            }
            size = 0;
            List<Scored> out = new ArrayList<>(top);
            out.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparingLong(Scored::id));
            return out;
        }
    }

    private static int[] identity(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }

    /** The first index of each key's run when sorted by key (counting sort); length buckets + 1. */
    private static int[] starts(int[] key, int buckets) {
        int[] start = new int[buckets + 1];
        for (int k : key) {
            start[k + 1]++;
        }
        for (int b = 0; b < buckets; b++) {
            start[b + 1] += start[b];
        }
        return start;
    }

    /** {@code order} stably re-sorted by {@code key} (0 ≤ key < buckets), in linear time. */
    private static int[] stableBy(int[] order, int[] key, int buckets) {
        int[] next = starts(key, buckets);
        int[] out = new int[order.length];
        for (int r : order) {
            out[next[key[r]]++] = r;
        }
        return out;
    }

    /** {@code order} stably re-sorted latest time first: a radix sort on 16-bit digits of (latest − time). */
    private static int[] latestFirst(int[] order, long[] times) {
        if (times.length == 0) {
            return order;
        }
        long latest = LongStream.of(times).max().orElseThrow();
        long earliest = LongStream.of(times).min().orElseThrow();
        int[] digit = new int[times.length];
        for (int shift = 0; shift < 64 && ((latest - earliest) >>> shift) > 0; shift += 16) {
            for (int r = 0; r < times.length; r++) {
                digit[r] = (int) (((latest - times[r]) >>> shift) & 0xFFFF);
            }
            order = stableBy(order, digit, 1 << 16);
        }
        return order;
    }
}
