package io.cinegraph.domain;

import java.util.List;
import java.util.Map;

/**
 * A user's side of the features, as one request reads it from the graph: rating activity, demographic cohort,
 * ratings, genre affinities (PREFERS) and neighbours (NEIGHBOUR). A new user's stated preferences can stand in
 * for what they have not rated yet (see {@code ranker/StatedPreferences}).
 */
public record UserSide(long ratingCount, Double meanRating, Double ratingSd, int cohortLevel, String gender,
                       Integer ageBand, String occupation, List<Rated> ratings, Map<String, Double> prefers,
                       List<Neighbour> neighbours) {

    /** The ratings are kept compactly (see {@link RatedList}): a served user's side is cached. */
    public UserSide {
        ratings = RatedList.of(ratings);
    }

    /** A rating of the user: movie, stars, time. */
    public record Rated(long movieId, double rating, long ratedAt) {
    }

    /** One of the user's neighbours and its NEIGHBOUR score. */
    public record Neighbour(long userId, double similarity) {
    }
}
