package io.cinegraph.tuning;

import io.cinegraph.ranker.RankerConfig;

/**
 * A second, independent look at a few settings: each trained and scored on data the search never scored (for
 * {@code tune}, an earlier slice of each user's training ratings), so that the winner of many noisy trials is not
 * taken at its inflated validation figure.
 */
@FunctionalInterface
public interface Confirmation {

    /** The settings' figures on the confirmation data, with NDCG@10 per user (the same users for every call). */
    Objective.Score confirm(RankerConfig config) throws Exception;
}
