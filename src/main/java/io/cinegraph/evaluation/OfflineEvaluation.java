package io.cinegraph.evaluation;

import io.cinegraph.domain.Interaction;
import io.cinegraph.graph.Graph;
import io.cinegraph.model.RatingBaselines;
import io.cinegraph.signals.SignalsConfig;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One offline evaluation run on a MovieLens copy: split its ratings, fit each chosen model on the training part
 * only (graph-signal models and the ranker on one temporary graph holding the training ratings, built once),
 * rank for every test user, and also report rating errors of the simple baselines on the same split and, for
 * the cold-start protocol, the {@link SignUpProtocol}.
 */
public final class OfflineEvaluation {

    public static final List<String> IN_MEMORY = List.of("most-popular", "item-knn-cosine", "ease");
    public static final List<String> GRAPH = List.of("user-knn", "item-knn", "genre", "cohort", "popular");
    public static final String RANKER = "ranker";

    /**
     * Builds the ranker as an evaluation model, trained on the given graph (the training ratings only): {@code name}
     * is "ranker", or "ranker@PROFILE" for a tuning profile's settings.
     */
    @FunctionalInterface
    public interface RankerFactory {
        SignUpRecommender create(Graph trainingGraph, String name);
    }

    /** Whether a model name is the ranker's, with or without a profile. */
    public static boolean isRanker(String name) {
        return name.equals(RANKER) || name.startsWith(RANKER + "@");
    }

    /** The run's settings: cut-off, sampled negatives, seed, graph-baseline depth, EASE λ and kNN k. */
    public record Settings(int k, int negatives, long seed, int graphDepth, double easeLambda, int knnK) {
    }

    /** RMSE and MAE of the global mean and of user + item biases on the split's test ratings. */
    public record RatingErrors(double meanRmse, double meanMae, double biasRmse, double biasMae) {
    }

    /** What a run measured; {@code graphSetupSeconds} and {@code signUps} are null where they do not apply. */
    public record Outcome(List<Interaction> all, Split split, List<Evaluator.ModelResult> results, Double graphSetupSeconds,
                          SignUpProtocol.Result signUps, RatingErrors ratingErrors) {
    }

    private OfflineEvaluation() {
    }

    /** Every model name a run accepts. */
    public static List<String> models() {
        List<String> all = new ArrayList<>(IN_MEMORY);
        all.addAll(GRAPH);
        all.add(RANKER);
        return List.copyOf(all);
    }

    public static Outcome run(Path dataset, Splitter splitter, List<String> models, Settings settings,
                              SignalsConfig signalsConfig, RankerFactory rankers) throws IOException {
        List<Interaction> all = Datasets.ratings(dataset);
        Split split = splitter.split(all);
        Map<Long, String> cohorts = Datasets.cohorts(dataset);
        boolean needsGraph = models.stream().anyMatch(m -> !IN_MEMORY.contains(m));
        try (GraphBaselines graph = needsGraph ? new GraphBaselines(dataset, split.train(), signalsConfig) : null) {
            List<Recommender> chosen = new ArrayList<>();
            for (String name : models) {
                chosen.add(switch (name) {
                    case "most-popular" -> new MostPopular();
                    case "item-knn-cosine" -> ItemItemRecommender.itemKnnCosine(settings.knnK());
                    case "ease" -> ItemItemRecommender.ease(settings.easeLambda());
                    default -> isRanker(name) ? rankers.create(graph.graph(), name)
                            : graph.recommender(name, settings.graphDepth());
                });
            }
            List<Evaluator.ModelResult> results = new Evaluator(settings.k(), settings.negatives(), settings.seed())
                    .withCohorts(cohorts).run(all, split, chosen);
            SignUpProtocol.Result signUps = null;
            if (split.protocol().equals("cold-start")) {
                for (Recommender model : chosen) {
                    if (model instanceof SignUpRecommender signUp) {
                        signUps = SignUpProtocol.run(signUp, all, split, Datasets.genres(dataset), cohorts, settings.k());
                    }
                }
            }
            return new Outcome(all, split, results, graph == null ? null : graph.setupSeconds(), signUps,
                    ratingErrors(split));
        }
    }

    private static RatingErrors ratingErrors(Split split) {
        RatingBaselines biases = RatingBaselines.fit(split.train(), RatingBaselines.EPOCHS, RatingBaselines.ITEM_REG,
                RatingBaselines.USER_REG);
        double[] actual = split.test().stream().mapToDouble(Interaction::rating).toArray();
        double[] mean = split.test().stream().mapToDouble(i -> biases.globalMean()).toArray();
        double[] bias = split.test().stream().mapToDouble(i -> biases.predict(i.userId(), i.movieId())).toArray();
        return new RatingErrors(Metrics.rmse(mean, actual), Metrics.mae(mean, actual), Metrics.rmse(bias, actual),
                Metrics.mae(bias, actual));
    }
}
