package io.cinegraph.tuning;

import io.cinegraph.ranker.RankerConfig;

/** What a trial measures: the ranker trained with a configuration, scored on held-out validation data. */
@FunctionalInterface
public interface Objective {

    /**
     * Validation NDCG@10 (maximized) and Recall@20, and NDCG@10 per validation user (the same users in the same order
     * for every trial; null when the objective has none), for the paired comparison of the best trial with trial 0.
     */
    record Score(double ndcg, double recall, double[] ndcgByUser) {

        public Score(double ndcg, double recall) {
            this(ndcg, recall, null);
        }
    }

    Score evaluate(RankerConfig config) throws Exception;
}
