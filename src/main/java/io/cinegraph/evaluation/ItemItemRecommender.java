package io.cinegraph.evaluation;

import io.cinegraph.model.Ease;
import io.cinegraph.model.ItemItemWeights;
import io.cinegraph.model.ItemKnnCosine;
import io.cinegraph.model.TrainingData;

import java.util.function.Function;

/** The item × item models of {@code model/} as evaluation models: fitted on the training data, summed per user. */
public final class ItemItemRecommender {

    private ItemItemRecommender() {
    }

    public static Recommender ease(double lambda) {
        return of("ease", data -> Ease.fit(data, lambda));
    }

    public static Recommender itemKnnCosine(int k) {
        return of("item-knn-cosine", data -> ItemKnnCosine.fit(data, k));
    }

    private static Recommender of(String name, Function<TrainingData, ItemItemWeights> fit) {
        return new FittedRecommender(name, data -> {
            ItemItemWeights weights = fit.apply(data);
            return user -> weights.scoresOf(data.itemsOf(user));
        });
    }
}
