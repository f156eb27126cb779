package io.cinegraph.evaluation;

import io.cinegraph.model.Ease;
import io.cinegraph.model.ItemItemWeights;
import io.cinegraph.model.ItemKnnCosine;
import io.cinegraph.model.TrainingData;

import java.util.function.Function;

/** An item × item model of {@code model/} as an evaluation model: fitted on the training data, then summed per user. */
public final class ItemItemRecommender implements Recommender {

    private final String name;
    private final Function<TrainingData, ItemItemWeights> fitter;
    private TrainingData data;
    private ItemItemWeights weights;

    private ItemItemRecommender(String name, Function<TrainingData, ItemItemWeights> fitter) {
        this.name = name;
        this.fitter = fitter;
    }

    public static ItemItemRecommender ease(double lambda) {
        return new ItemItemRecommender("ease", data -> Ease.fit(data, lambda));
    }

    public static ItemItemRecommender itemKnnCosine(int k) {
        return new ItemItemRecommender("item-knn-cosine", data -> ItemKnnCosine.fit(data, k));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void fit(TrainingData data) {
        this.data = data;
        this.weights = fitter.apply(data);
    }

    @Override
    public double[] scores(int user) {
        return weights.scoresOf(data.itemsOf(user));
    }
}
