package io.cinegraph.domain;

/** How many of each thing the graph holds. */
public record GraphCounts(long users, long movies, long genres, long ratings, long tags) {
}
