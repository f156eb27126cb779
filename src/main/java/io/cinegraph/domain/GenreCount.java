package io.cinegraph.domain;

/** A genre and how many movies it has. */
public record GenreCount(String name, long movies) {
}
