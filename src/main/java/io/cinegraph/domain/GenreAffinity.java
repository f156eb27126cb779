package io.cinegraph.domain;

/** A user's affinity to a genre (PREFERS) and how many of their ratings support it. */
public record GenreAffinity(String genre, double affinity, long support) {
}
