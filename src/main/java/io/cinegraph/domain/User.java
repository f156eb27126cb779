package io.cinegraph.domain;

/** A user's profile: demographics (null where the dataset has none) and rating activity. */
public record User(long userId, Integer age, String gender, String occupation, String zip,
                   long ratingCount, Double meanRating) {
}
