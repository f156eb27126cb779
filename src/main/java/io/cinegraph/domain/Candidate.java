package io.cinegraph.domain;

/** A movie proposed for a user by one source, with its score (higher is better) and why. */
public record Candidate(long movieId, String title, Integer year, double score, Explanation explanation) {
}
