package io.cinegraph.recommend;

import java.util.List;

/**
 * A ranked answer, the model that produced it (a version, or the named fallback when no model is active) and the
 * variant that served it (an experiment's arm, or {@code default}); its
 * {@code recommendationId} ({@link RecommendationIds}) is what later events send back to tie them to this answer.
 */
public record Recommendations(long userId, String model, boolean fallback, String variant, String recommendationId,
                              List<Recommendation> items) {
}
