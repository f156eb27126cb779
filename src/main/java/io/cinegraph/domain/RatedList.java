package io.cinegraph.domain;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A user's ratings in three arrays (movie, stars, time) instead of an object each: served users' sides are cached
 * and take every new rating in, so a rating costs 24 bytes there rather than an object and a reference. Read-only;
 * each {@link #get} puts a {@link UserSide.Rated} together.
 */
final class RatedList extends AbstractList<UserSide.Rated> implements RandomAccess {

    private final long[] movieIds;
    private final double[] ratings;
    private final long[] ratedAt;

    private RatedList(List<UserSide.Rated> ratings) {
        int n = ratings.size();
        this.movieIds = new long[n];
        this.ratings = new double[n];
        this.ratedAt = new long[n];
        for (int i = 0; i < n; i++) {
            UserSide.Rated r = ratings.get(i);
            movieIds[i] = r.movieId();
            this.ratings[i] = r.rating();
            ratedAt[i] = r.ratedAt();
        }
    }

    /** {@code ratings} as a compact list (itself if it already is one, or null). */
    static List<UserSide.Rated> of(List<UserSide.Rated> ratings) {
        return ratings == null || ratings instanceof RatedList ? ratings : new RatedList(ratings);
    }

    @Override
    public UserSide.Rated get(int index) {
        return new UserSide.Rated(movieIds[index], ratings[index], ratedAt[index]);
    }

    @Override
    public int size() {
        return movieIds.length;
    }
}
