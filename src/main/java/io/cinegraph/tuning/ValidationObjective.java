package io.cinegraph.tuning;

import io.cinegraph.domain.Interaction;
import io.cinegraph.evaluation.Datasets;
import io.cinegraph.evaluation.Evaluator;
import io.cinegraph.evaluation.GraphBaselines;
import io.cinegraph.ranker.RankerConfig;
import io.cinegraph.signals.SignalsConfig;
import io.cinegraph.training.RankerRecommender;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The objective of {@code tune --path DIR}: each trial's ranker is trained on a temporary graph that holds the
 * {@link TuningSplit}'s training part (built, with its signals, once per run) and ranks every catalogue movie for
 * each validation user, as {@code evaluate} does; the figures are validation NDCG@10 and Recall@20.
 */
public final class ValidationObjective implements Objective, AutoCloseable {

    private final TuningSplit split;
    private final List<Interaction> visible;
    private final GraphBaselines graph;
    private final SignalsConfig signalsConfig;
    private final long seed;

    public ValidationObjective(Path dataset, double testFraction, double validationFraction, SignalsConfig signalsConfig,
                               long seed) throws IOException {
        this.split = TuningSplit.of(Datasets.ratings(dataset), testFraction, validationFraction);
        this.visible = split.visible();
        this.signalsConfig = signalsConfig;
        this.seed = seed;
        this.graph = new GraphBaselines(dataset, split.train(), signalsConfig);
    }

    public TuningSplit split() {
        return split;
    }

    @Override
    public Score evaluate(RankerConfig config) {
        RankerRecommender ranker = RankerRecommender.rankingOnly(graph.graph(), config, signalsConfig);
        Evaluator.ModelResult result = new Evaluator(10, 0, seed).run(visible, split.asValidation(), List.of(ranker)).get(0);
        Map<String, Double> full = result.full();
        return new Score(full.get("ndcg@10"), full.get("recall@20"));
    }

    @Override
    public void close() {
        graph.close();
    }
}
