package io.cinegraph.tuning;

import io.cinegraph.domain.Interaction;
import io.cinegraph.evaluation.Datasets;
import io.cinegraph.evaluation.Evaluator;
import io.cinegraph.evaluation.GraphBaselines;
import io.cinegraph.evaluation.Split;
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
public final class ValidationObjective implements Objective, Confirmation, AutoCloseable {

    /** A temporary graph holding some ratings, with its signals computed; closing it deletes it. */
    private record Built(Graph graph, AutoCloseable closer) {
    }

    /** Builds the temporary graph of a training part. */
    @FunctionalInterface
    private interface Builder {
        Built build(List<Interaction> train) throws IOException;
    }

    private final TuningSplit split;
    private final List<Interaction> visible;
    private final Graph graph;
    private AutoCloseable closer;
    private final SignalsConfig signalsConfig;
    private final long seed;
    private final Builder builder;
    private final Split confirmation;
    private Built confirming;

    private ValidationObjective(TuningSplit split, double validationFraction, Builder builder, SignalsConfig signalsConfig,
                                long seed) throws IOException {
        this.split = split;
        this.visible = split.visible();
        this.signalsConfig = signalsConfig;
        this.seed = seed;
        this.builder = builder;
        Built built = builder.build(split.train());
        this.graph = built.graph();
        this.closer = built.closer();
        this.confirmation = split.confirmation(validationFraction);
    }

    /** Over a MovieLens copy: the temporary graph is imported from its files, with the trial-training ratings only. */
    public static ValidationObjective overDataset(Path dataset, double testFraction, double validationFraction,
                                                  SignalsConfig signalsConfig, long seed) throws IOException {
        TuningSplit split = TuningSplit.of(Datasets.ratings(dataset), testFraction, validationFraction);
        return new ValidationObjective(split, validationFraction, train -> {
            GraphBaselines built = new GraphBaselines(dataset, train, signalsConfig);
            return new Built(built.graph(), built);
        }, signalsConfig, seed);
    }

    /** Over a graph's content (the live graph's, read once): users, movies and the trial-training ratings copied. */
    public static ValidationObjective overGraph(GraphData data, double testFraction, double validationFraction,
                                                SignalsConfig signalsConfig, long seed) {
        TuningSplit split = TuningSplit.of(data.ratings(), testFraction, validationFraction);
        try {
            return new ValidationObjective(split, validationFraction, train -> {
                SignalGraph built = SignalGraph.temporary(data, train, signalsConfig);
                return new Built(built.graph(), built);
            }, signalsConfig, seed);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public TuningSplit split() {
        return split;
    }

    @Override
    public synchronized Score evaluate(RankerConfig config) {
        if (closer == null) {
            throw new IllegalStateException("the trials' graph was closed when the confirmation began");
        }
        return score(graph, config, visible, split.asValidation());
    }

    /**
     * Trains on the confirmation split's training part (a second temporary graph, built on first use) and scores
     * each user's latest ratings of the trial-training part: data no trial was scored on. The trials' graph is
     * closed first (the confirmation comes after the search), so that one temporary graph exists at a time.
     */
    @Override
    public synchronized Score confirm(RankerConfig config) throws Exception {
        if (confirming == null) {
            if (closer != null) {
                closer.close();
                closer = null;
            }
            confirming = builder.build(confirmation.train());
        }
        List<Interaction> seen = new java.util.ArrayList<>(confirmation.train());
        seen.addAll(confirmation.test());
        return score(confirming.graph(), config, seen, confirmation);
    }

    /** The confirmation split's sizes: ratings that train, ratings that are scored. */
    public int[] confirmationSizes() {
        return new int[]{confirmation.train().size(), confirmation.test().size()};
    }

    private Score score(Graph on, RankerConfig config, List<Interaction> seen, Split scored) {
        RankerRecommender ranker = RankerRecommender.rankingOnly(on, config, signalsConfig);
        Evaluator.ModelResult result = new Evaluator(10, 0, seed).run(seen, scored, List.of(ranker)).get(0);
        Map<String, Double> full = result.full();
        return new Score(full.get("ndcg@10"), full.get("recall@20"), result.ndcgByUser());
    }

    @Override
    public void close() throws Exception {
        try {
            if (closer != null) {
                closer.close();
            }
        } finally {
            if (confirming != null) {
                confirming.closer().close();
            }
        }
    }
}
