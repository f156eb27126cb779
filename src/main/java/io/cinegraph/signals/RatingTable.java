package io.cinegraph.signals;

import io.cinegraph.graph.SignalsRepository;

import java.util.Arrays;
import java.util.stream.DoubleStream;
import java.util.stream.LongStream;

/**
 * Every rating of the graph in parallel arrays, read in one pass: the input of the signal steps computed in memory
 * ({@link CoRatings}, {@link GenreAffinities}) and of the serving snapshot. Users and movies are numbered by
 * ascending id; about 24 bytes a rating.
 */
final class RatingTable {

    /** Distinct ids, ascending: index i stands for userIds[i] (movieIds[i]). */
    final long[] userIds;
    final long[] movieIds;
    /** Rating r: user index, movie index, value and time (seconds since the epoch). */
    final int[] user;
    final int[] movie;
    final double[] rating;
    final long[] time;
    /** The ratings of user u are byUser[userStart[u] .. userStart[u + 1]), by movie index: shared by every step. */
    final int[] userStart;
    final int[] byUser;

    private RatingTable(long[] users, long[] movies, double[] ratings, long[] times) {
        userIds = LongStream.of(users).distinct().sorted().toArray();
        movieIds = LongStream.of(movies).distinct().sorted().toArray();
        int n = users.length;
        user = new int[n];
        movie = new int[n];
        for (int r = 0; r < n; r++) {
            user[r] = Arrays.binarySearch(userIds, users[r]);
            movie[r] = Arrays.binarySearch(movieIds, movies[r]);
        }
        rating = ratings;
        time = times;
        userStart = starts(user, userIds.length);
        byUser = byUserThenMovie();
    }

    /** Ratings given as parallel arrays (user id, movie id, rating, time of rating i). */
    static RatingTable of(long[] users, long[] movies, double[] ratings, long[] times) {
        return new RatingTable(users, movies, ratings, times);
    }

    /** Every rating of the graph, read in one pass. */
    static RatingTable read(SignalsRepository repository) {
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

    /**
     * The history the user-side signals read: these ratings and every viewed movie its viewer has not rated, as a
     * rating of {@code viewRating} at the latest view; this table itself when there are no such views (or
     * {@code viewRating} is 0).
     */
    RatingTable withViews(SignalsRepository repository, double viewRating) {
        if (!(viewRating > 0)) {
            return this;
        }
        LongStream.Builder users = LongStream.builder();
        LongStream.Builder movies = LongStream.builder();
        LongStream.Builder times = LongStream.builder();
        repository.views(viewRating, v -> {
            users.add(v.userId());
            movies.add(v.movieId());
            times.add(v.ratedAt());
        });
        long[] viewUsers = users.build().toArray();
        if (viewUsers.length == 0) {
            return this;
        }
        int n = size();
        long[] allUsers = new long[n + viewUsers.length];
        long[] allMovies = new long[allUsers.length];
        double[] allRatings = new double[allUsers.length];
        long[] allTimes = new long[allUsers.length];
        for (int r = 0; r < n; r++) {
            allUsers[r] = userIds[user[r]];
            allMovies[r] = movieIds[movie[r]];
            allRatings[r] = rating[r];
            allTimes[r] = time[r];
        }
        System.arraycopy(viewUsers, 0, allUsers, n, viewUsers.length);
        System.arraycopy(movies.build().toArray(), 0, allMovies, n, viewUsers.length);
        Arrays.fill(allRatings, n, allRatings.length, viewRating);
        System.arraycopy(times.build().toArray(), 0, allTimes, n, viewUsers.length);
        return of(allUsers, allMovies, allRatings, allTimes);
    }

    int size() {
        return user.length;
    }

    /** Each user's mean rating μ_u, by user index. */
    double[] userMeans() {
        double[] sums = new double[userIds.length];
        int[] counts = new int[userIds.length];
        for (int r = 0; r < user.length; r++) {
            sums[user[r]] += rating[r];
            counts[user[r]]++;
        }
        for (int u = 0; u < sums.length; u++) {
            sums[u] /= counts[u];
        }
        return sums;
    }

    /** Rating indexes ordered latest first, then by lower user index, then by lower movie index (linear time). */
    int[] latestFirstOrder() {
        int[] order = new int[size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        order = stableBy(order, movie, movieIds.length);
        order = stableBy(order, user, userIds.length);
        return latestFirst(order, time);
    }

    /** Rating indexes ordered by user index, then by movie index. */
    private int[] byUserThenMovie() {
        int[] order = new int[size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        return stableBy(stableBy(order, movie, movieIds.length), user, userIds.length);
    }

    /** The first index of each key's run when sorted by key (counting sort); length buckets + 1. */
    static int[] starts(int[] key, int buckets) {
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
