package io.cinegraph.domain;

/** One of a user's ratings, with the movie's title and year. */
public record UserRating(long movieId, String title, Integer year, double rating, long ratedAt) {
}
