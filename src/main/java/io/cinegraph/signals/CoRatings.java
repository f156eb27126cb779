package io.cinegraph.signals;

import io.cinegraph.graph.SignalsRepository.Replacement;
import io.cinegraph.graph.SignalsRepository.Scored;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

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

    private CoRatings(RatingTable table) {
        userIds = table.userIds;
        movieIds = table.movieIds;
        int n = table.size();
        double[] means = table.userMeans();
        userStart = table.userStart;
        movieStart = RatingTable.starts(table.movie, movieIds.length);
        byUserItem = new int[n];
        byUserDev = new double[n];
        byMovieUser = new int[n];
        byMovieDev = new double[n];
        int[] userNext = userStart.clone();
        int[] movieNext = movieStart.clone();
        for (int r : table.latestFirstOrder()) {
            int u = table.user[r];
            double dev = table.rating[r] - means[u];
            int a = userNext[u]++;
            byUserItem[a] = table.movie[r];
            byUserDev[a] = dev;
            int b = movieNext[table.movie[r]]++;
            byMovieUser[b] = u;
            byMovieDev[b] = dev;
        }
        userAccumulator = ThreadLocal.withInitial(() -> new Accumulator(userIds.length));
        movieAccumulator = ThreadLocal.withInitial(() -> new Accumulator(movieIds.length));
    }

    /** Ratings given as parallel arrays (user id, movie id, rating, time of rating i). */
    static CoRatings of(long[] users, long[] movies, double[] ratings, long[] times) {
        return of(RatingTable.of(users, movies, ratings, times));
    }

    static CoRatings of(RatingTable table) {
        return new CoRatings(table);
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
}
