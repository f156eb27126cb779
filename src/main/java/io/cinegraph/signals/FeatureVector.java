package io.cinegraph.signals;

import java.util.Arrays;

/** The features of one candidate movie for one user, indexed by {@link Feature#ordinal()}. */
public record FeatureVector(long movieId, double[] values) {

    public double get(Feature feature) {
        return values[feature.ordinal()];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureVector other && other.movieId == movieId && Arrays.equals(other.values, values);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(movieId) * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "FeatureVector[" + movieId + ", " + Arrays.toString(values) + "]";
    }
}
