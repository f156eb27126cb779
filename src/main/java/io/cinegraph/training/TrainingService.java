package io.cinegraph.training;

import io.cinegraph.graph.Graph;
import io.cinegraph.graph.GraphData;
import io.cinegraph.ranker.RankerConfig;
import io.cinegraph.ranker.RankerModel;
import io.cinegraph.signals.SignalJob;
import io.cinegraph.signals.SignalsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Trains rankers from the live graph: for the {@code train} command, and for the first start and the scheduled
 * retraining ({@link RetrainService}). Recomputes the materialized signals first where asked (serving reads
 * them). The result is not active until promoted through {@link ModelRegistry}.
 */
@ApplicationScoped
public class TrainingService {

    /**
     * A candidate trained on every rating but a holdout, and the holdout NDCG@10 of it and of the model that was
     * active (null when none), both ranked with the features of the candidate's history graph.
     */
    public record Trial(RankerModel candidate, double candidateNdcg, Double activeNdcg, int holdoutUsers,
                        double trainSeconds, double evaluateSeconds) {
    }

    @Inject Graph graph;
    @Inject SignalJob signals;
    @Inject RankerConfig config;
    @Inject SignalsConfig signalsConfig;

    /** Recomputes the live graph's signals (if asked), then trains on every rating in it. */
    public RankerModel train(boolean recomputeSignals) {
        return train(recomputeSignals, config);
    }

    /** As {@link #train(boolean)}, with other settings (a tuning profile's, say). */
    public RankerModel train(boolean recomputeSignals, RankerConfig settings) {
        if (recomputeSignals) {
            signals.recomputeAll();
        }
        return new RankerTrainer(settings, signalsConfig).train(graph);
    }

    /**
     * Holds out the latest rating of {@code holdoutUsers} seeded users, trains a candidate on everything else, and
     * compares it with {@code active} on the holdout. One temporary graph is built: the candidate's history graph,
     * which holds neither the held-out ratings nor the candidate's targets, and both models are ranked on its
     * features, so the comparison is fair and sees nothing of the holdout.
     */
    public Trial trial(RankerModel active, int holdoutUsers) {
        GraphData data = GraphData.read(graph);
        Holdout holdout = Holdout.of(data.ratings(), holdoutUsers, config.seed());
        double[] ndcg = new double[2];
        long[] evaluateNanos = new long[1];
        long started = System.nanoTime();
        RankerModel candidate = new RankerTrainer(config, signalsConfig).train(data, holdout.rest(), (trained, history) -> {
            long s = System.nanoTime();
            ndcg[0] = holdout.ndcg(trained, history, config, signalsConfig.historySize());
            ndcg[1] = active == null ? Double.NaN : holdout.ndcg(active, history, config, signalsConfig.historySize());
            evaluateNanos[0] = System.nanoTime() - s;
        });
        double total = (System.nanoTime() - started) / 1e9;
        return new Trial(candidate, ndcg[0], active == null ? null : ndcg[1], holdout.users(),
                total - evaluateNanos[0] / 1e9, evaluateNanos[0] / 1e9);
    }
}
