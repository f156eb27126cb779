package io.cinegraph.domain;

import java.util.Comparator;

/** One rating as the evaluation sees it; it counts as an interaction whatever its value. */
public record Interaction(long userId, long movieId, double rating, long timestamp) {

    /** A user's ratings are ordered by (timestamp, movieId). */
    public static final Comparator<Interaction> CHRONOLOGICAL =
            Comparator.comparingLong(Interaction::timestamp).thenComparingLong(Interaction::movieId);
}
