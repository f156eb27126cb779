package io.cinegraph.tuning;

import io.cinegraph.domain.Interaction;
import io.cinegraph.evaluation.Datasets;
import io.cinegraph.evaluation.Evaluator;
import io.cinegraph.evaluation.GraphBaselines;
import io.cinegraph.graph.Graph;
import io.cinegraph.graph.GraphData;
import io.cinegraph.ranker.RankerConfig;
import io.cinegraph.signals.SignalGraph;
import io.cinegraph.signals.SignalsConfig;
import io.cinegraph.training.RankerRecommender;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The objective of {@code tune}: each trial's ranker is trained on a temporary graph that holds the
 * {@link TuningSplit}'s training part (built, with its signals, once per run: from a dataset's files, or from a
 * copy of the live graph's content) and ranks every catalogue movie for each validation user, as {@code evaluate}
 * does; the figures are validation NDCG@10 and Recall@20.
 */
public final class ValidationObjective implements Objective, AutoCloseable {

    private final TuningSplit split;
    private final List<Interaction> visible;
    private final Graph graph;
    private final AutoCloseable closer;
    private final SignalsConfig signalsConfig;
    private final long seed;

    private ValidationObjective(TuningSplit split, AutoCloseable closer, Graph graph, SignalsConfig signalsConfig, long seed) {
        this.split = split;
        this.visible = split.visible();
        this.signalsConfig = signalsConfig;
        this.seed = seed;
        this.graph = graph;
        this.closer = closer;
    }

    /** Over a MovieLens copy: the temporary graph is imported from its files, with the trial-training ratings only. */
    public static ValidationObjective overDataset(Path dataset, double testFraction, double validationFraction,
                                                  SignalsConfig signalsConfig, long seed) throws IOException {
        TuningSplit split = TuningSplit.of(Datasets.ratings(dataset), testFraction, validationFraction);
        GraphBaselines built = new GraphBaselines(dataset, split.train(), signalsConfig);
        return new ValidationObjective(split, built, built.graph(), signalsConfig, seed);
    }

    /** Over a graph's content (the live graph's, read once): users, movies and the trial-training ratings copied. */
    public static ValidationObjective overGraph(GraphData data, double testFraction, double validationFraction,
                                                SignalsConfig signalsConfig, long seed) {
        TuningSplit split = TuningSplit.of(data.ratings(), testFraction, validationFraction);
        SignalGraph built = SignalGraph.temporary(data, split.train(), signalsConfig);
        return new ValidationObjective(split, built, built.graph(), signalsConfig, seed);
    }

    public TuningSplit split() {
        return split;
    }

    @Override
    public Score evaluate(RankerConfig config) {
        RankerRecommender ranker = RankerRecommender.rankingOnly(graph, config, signalsConfig);
        Evaluator.ModelResult result = new Evaluator(10, 0, seed).run(visible, split.asValidation(), List.of(ranker)).get(0);
        Map<String, Double> full = result.full();
        return new Score(full.get("ndcg@10"), full.get("recall@20"), result.ndcgByUser());
    }

    @Override
    public void close() throws Exception {
        closer.close();
    }
}
