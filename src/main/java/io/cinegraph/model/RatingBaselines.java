package io.cinegraph.model;

import io.cinegraph.domain.Interaction;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rating-prediction baselines. Global mean: r̂ = μ. Biases: r̂_ui = μ + b_u + b_i, fitted by alternating
 * least squares with L2 weights (as Koren 2010 and Surprise's BaselineOnly):
 * b_i = Σ_{u∈U_i}(r_ui − μ − b_u) / (λ_i + |U_i|), b_u = Σ_{i∈I_u}(r_ui − μ − b_i) / (λ_u + |I_u|).
 */
public final class RatingBaselines {

    /** Surprise's BaselineOnly defaults: 10 ALS epochs, λ_i = 10, λ_u = 15. */
    public static final int EPOCHS = 10;
    public static final double ITEM_REG = 10;
    public static final double USER_REG = 15;

    private final double mu;
    private final Map<Long, Double> userBias = new HashMap<>();
    private final Map<Long, Double> itemBias = new HashMap<>();

    private RatingBaselines(double mu) {
        this.mu = mu;
    }

    public static RatingBaselines fit(List<Interaction> train, int epochs, double itemReg, double userReg) {
        double mu = train.stream().mapToDouble(Interaction::rating).average().orElse(0);
        RatingBaselines model = new RatingBaselines(mu);
        for (int epoch = 0; epoch < epochs; epoch++) {
            Map<Long, double[]> items = new HashMap<>();
            for (Interaction r : train) {
                double[] acc = items.computeIfAbsent(r.movieId(), k -> new double[2]);
                acc[0] += r.rating() - mu - model.userBias.getOrDefault(r.userId(), 0.0);
                acc[1]++;
            }
            items.forEach((item, acc) -> model.itemBias.put(item, acc[0] / (itemReg + acc[1])));
            Map<Long, double[]> users = new HashMap<>();
            for (Interaction r : train) {
                double[] acc = users.computeIfAbsent(r.userId(), k -> new double[2]);
                acc[0] += r.rating() - mu - model.itemBias.getOrDefault(r.movieId(), 0.0);
                acc[1]++;
            }
            users.forEach((user, acc) -> model.userBias.put(user, acc[0] / (userReg + acc[1])));
        }
        return model;
    }

    public double globalMean() {
        return mu;
    }

    /** μ + b_u + b_i, with unknown users or items contributing 0. */
    public double predict(long userId, long movieId) {
        return mu + userBias.getOrDefault(userId, 0.0) + itemBias.getOrDefault(movieId, 0.0);
    }
}
