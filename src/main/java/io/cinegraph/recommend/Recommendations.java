package io.cinegraph.recommend;

import java.util.List;

/**
 * A ranked answer and the model that produced it (a version, or the named fallback when no model is active); its
 * {@code recommendationId} ({@link RecommendationIds}) is what later events send back to tie them to this answer.
 */
public record Recommendations(long userId, String model, boolean fallback, String recommendationId,
                              List<Recommendation> items) {
}
