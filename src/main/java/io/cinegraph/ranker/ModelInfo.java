package io.cinegraph.ranker;

import java.util.Map;

/**
 * A model's metadata, stored as {@code model.json}: version, when it was trained and on what (a fingerprint of
 * the ratings it saw), the hyper-parameters, the validation figures and the training time.
 */
public record ModelInfo(String version, String trainedAt, String datasetFingerprint, long ratings, long users,
                        long movies, Map<String, Object> hyperParameters, Map<String, Double> validation,
                        double trainSeconds) {
}
