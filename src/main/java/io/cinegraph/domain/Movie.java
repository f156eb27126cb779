package io.cinegraph.domain;

import java.util.List;

/** A movie as the catalogue shows it: identity, genres and how it was rated. */
public record Movie(long movieId, String title, Integer year, List<String> genres, String imdbId, Long tmdbId,
                    long ratingCount, Double meanRating) {
}
