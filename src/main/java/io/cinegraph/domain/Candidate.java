package io.cinegraph.domain;

import java.util.function.Supplier;

/**
 * A movie proposed for a user by one source, with its score (higher is better) and why. The explanation is built
 * when asked ({@code why}), not when proposed: a user's proposals are cached by the hundred, and only the few a
 * request answers with are ever explained.
 */
public record Candidate(long movieId, String title, Integer year, double score, String source,
                        Supplier<Explanation> why) {

    /** A candidate whose explanation is already built. */
    public Candidate(long movieId, String title, Integer year, double score, Explanation explanation) {
        this(movieId, title, year, score, explanation.source(), () -> explanation);
    }

    /** Why it was proposed (built anew at each call). */
    public Explanation explanation() {
        return why.get();
    }
}
