package io.cinegraph.recommend;

import java.util.List;

/** A ranked answer and the model that produced it (a version, or the named fallback when no model is active). */
public record Recommendations(long userId, String model, boolean fallback, List<Recommendation> items) {
}
