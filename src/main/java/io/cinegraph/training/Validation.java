package io.cinegraph.training;

import io.cinegraph.evaluation.Metrics;
import io.cinegraph.model.Ranking;
import io.cinegraph.ranker.Networks;
import io.cinegraph.ranker.RankerModel;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Mean validation NDCG@10: over every validation example, per kind of user (with history, cold with a few
 * ratings, sign-up), and {@code balanced}, the mean of the kinds present. Early stopping judges
 * {@code balanced}: users with history far outnumber the others in the slice, and their best epoch is not the
 * cold users' (those keep improving after users with history peak), while the service serves all three.
 */
record Validation(double all, double warm, double cold, double signUp, double balanced) {

    static final int CUTOFF = 10;

    static Validation none() {
        return new Validation(0, 0, 0, 0, 0);
    }

    /** Ranks each validation example's rows with the network and measures NDCG@10 of its relevant movies. */
    static Validation of(ComputationGraph network, NormalizerStandardize normalizer, List<UserExamples> users) {
        int userEmbeddingSize = Networks.userEmbeddingSize(network);
        return of(users, e -> network.output(false, RankerModel.inputs(e.rows(), normalizer, userEmbeddingSize))[0]
                .toFloatVector());
    }

    /** Ranks each validation example's rows by {@code scorer} and measures NDCG@10 of its relevant movies. */
    static Validation of(List<UserExamples> users, Function<UserExamples, float[]> scorer) {
        double[] sums = new double[4];
        int[] counts = new int[4];
        for (UserExamples e : users) {
            double ndcg = ndcg(e, scorer.apply(e));
            int kind = !e.cold() ? 1 : e.signUp() ? 3 : 2;
            sums[0] += ndcg;
            counts[0]++;
            sums[kind] += ndcg;
            counts[kind]++;
        }
        double[] means = new double[4];
        for (int k = 0; k < 4; k++) {
            means[k] = counts[k] == 0 ? 0 : sums[k] / counts[k];
        }
        double balanced = 0;
        int kinds = 0;
        for (int k = 1; k < 4; k++) {
            if (counts[k] > 0) {
                balanced += means[k];
                kinds++;
            }
        }
        return new Validation(means[0], means[1], means[2], means[3], kinds == 0 ? 0 : balanced / kinds);
    }

    /** NDCG@10 of the user's relevant movies when their rows, minus the excluded ones, are ranked by the scores. */
    private static double ndcg(UserExamples e, float[] scores) {
        long[] ids = e.rows().movieIds();
        List<Long> ranking = new ArrayList<>(ids.length);
        for (int i : Ranking.byScore(scores, ids)) {
            if (!e.excluded().contains(ids[i])) {
                ranking.add(ids[i]);
            }
        }
        return Metrics.ndcg(ranking, e.relevant(), CUTOFF);
    }
}
