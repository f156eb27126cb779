package io.cinegraph.domain;

/** Which dataset the graph was filled from, and the scale its ratings use. */
public record DatasetInfo(String name, String format, String path, String fingerprint, boolean complete,
                          Long importedAt, Double ratingMin, Double ratingMax, Double ratingStep) {
}
