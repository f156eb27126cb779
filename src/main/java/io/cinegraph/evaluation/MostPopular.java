package io.cinegraph.evaluation;

import io.cinegraph.model.TrainingData;

/** Most-popular: every user gets the items with the most training interactions. */
public final class MostPopular implements Recommender {

    private double[] popularity;

    @Override
    public String name() {
        return "most-popular";
    }

    @Override
    public void fit(TrainingData data) {
        int[] counts = data.itemCounts();
        popularity = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            popularity[i] = counts[i];
        }
    }

    @Override
    public double[] scores(int user) {
        return popularity.clone();
    }
}
