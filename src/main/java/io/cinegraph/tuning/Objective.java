package io.cinegraph.tuning;

import io.cinegraph.ranker.RankerConfig;

/** What a trial measures: the ranker trained with a configuration, scored on held-out validation data. */
@FunctionalInterface
public interface Objective {

    /** Validation NDCG@10 (maximized) and Recall@20. */
    record Score(double ndcg, double recall) {
    }

    Score evaluate(RankerConfig config) throws Exception;
}
