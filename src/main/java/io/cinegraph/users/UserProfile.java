package io.cinegraph.users;

import io.cinegraph.domain.GenreAffinity;

import java.util.List;

/** A user's profile: demographics, rating activity and genre affinities (strongest first). */
public record UserProfile(long userId, Integer age, String gender, String occupation, String zip, long ratingCount,
                          Double meanRating, List<GenreAffinity> genreAffinities) {
}
