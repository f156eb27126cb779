package io.cinegraph.recommend;

import io.cinegraph.graph.Graph;
import io.cinegraph.ranker.RankerConfig;
import io.cinegraph.ranker.RankerModel;
import io.cinegraph.ranker.RankerTrainer;
import io.cinegraph.signals.SignalJob;
import io.cinegraph.signals.SignalsConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Trains a new ranker from the live graph: recomputes the materialized signals (serving reads them), then
 * trains on every rating in the graph. The result is not active until promoted through {@link ModelRegistry}.
 */
@ApplicationScoped
public class TrainingService {

    private final Graph graph;
    private final SignalJob signals;
    private final RankerConfig config;
    private final SignalsConfig signalsConfig;

    public TrainingService(Graph graph, SignalJob signals, RankerConfig config, SignalsConfig signalsConfig) {
        this.graph = graph;
        this.signals = signals;
        this.config = config;
        this.signalsConfig = signalsConfig;
    }

    /** Recomputes the graph signals, then trains; returns the candidate model. */
    public RankerModel train(boolean recomputeSignals) {
        if (recomputeSignals) {
            signals.recomputeAll();
        }
        return new RankerTrainer(config, signalsConfig).train(graph);
    }
}
