package io.cinegraph.evaluation;

import io.cinegraph.model.TrainingData;

/** A model that scores every catalogue item for a training user (higher is better). */
public interface Recommender {

    String name();

    void fit(TrainingData data);

    /** Scores over the catalogue, indexed like {@link TrainingData#itemId(int)}. */
    double[] scores(int user);
}
