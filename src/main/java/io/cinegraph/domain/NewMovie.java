package io.cinegraph.domain;

import java.util.List;

/** A catalogue item to add: {@code movieId} null for the next free id; genres by name; IMDb and TMDB links. */
public record NewMovie(Long movieId, String title, Integer year, List<String> genres, String imdbId, Long tmdbId) {
}
