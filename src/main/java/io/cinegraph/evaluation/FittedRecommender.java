package io.cinegraph.evaluation;

import io.cinegraph.model.TrainingData;

import java.util.function.Function;
import java.util.function.IntFunction;

/** A recommender given as a name and a fit: the training data in, a scorer of training users (by index) out. */
public final class FittedRecommender implements Recommender {

    private final String name;
    private final Function<TrainingData, IntFunction<double[]>> fit;
    private IntFunction<double[]> scorer;

    public FittedRecommender(String name, Function<TrainingData, IntFunction<double[]>> fit) {
        this.name = name;
        this.fit = fit;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void fit(TrainingData data) {
        scorer = fit.apply(data);
    }

    @Override
    public double[] scores(int user) {
        return scorer.apply(user);
    }
}
