package io.cinegraph.tuning;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The declared space of {@code tune}: the ranker network's settings, its training's, and the candidate generators'
 * (see docs/tuning.md for why each range). Every key is a {@code cinegraph.ranker.} setting, so a point of the
 * space is also a profile.
 */
public record SearchSpace(List<Parameter> parameters) {

    public SearchSpace {
        parameters = List.copyOf(parameters);
    }

    /** The ranges searched by default: wide enough for catalogues from a few hundred to tens of thousands of movies. */
    public static SearchSpace ranker() {
        return new SearchSpace(List.of(
                Parameter.choice("embedding-size", 8, 16, 32, 64),
                Parameter.choice("hidden", 32, 64, 128, 256),
                Parameter.logReal("learning-rate", 2e-4, 1e-2),
                Parameter.logReal("l2", 1e-6, 1e-3),
                Parameter.choice("batch-size", 256, 512, 1024, 2048),
                Parameter.integer("max-epochs", 3, 14),
                Parameter.integer("patience", 1, 4),
                Parameter.real("target-fraction", 0.1, 0.4),
                Parameter.logInteger("random-negatives", 50, 1000),
                Parameter.logInteger("candidates-by-ease", 50, 500),
                Parameter.logInteger("candidates-by-cosine", 20, 300),
                Parameter.logInteger("candidates-by-popularity", 20, 300),
                Parameter.logInteger("candidates-by-session", 10, 200),
                Parameter.logInteger("candidates-by-recent-popularity", 10, 200),
                Parameter.logReal("ease-lambda", 20, 3000),
                Parameter.logInteger("knn-k", 20, 500),
                Parameter.logInteger("session-gap-seconds", 10, 7200),
                Parameter.logReal("sign-up-weight", 1, 10)));
    }

    public List<String> keys() {
        return parameters.stream().map(Parameter::key).toList();
    }

    /** A uniform draw over every parameter. */
    public Map<String, String> draw(Random random) {
        Map<String, String> point = new LinkedHashMap<>();
        parameters.forEach(p -> point.put(p.key(), p.draw(random)));
        return point;
    }
}
