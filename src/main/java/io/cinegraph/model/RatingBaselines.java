package io.cinegraph.model;

import io.cinegraph.domain.Interaction;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

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
            solve(train, mu, Interaction::movieId, model.userBias, Interaction::userId, itemReg, model.itemBias);
            solve(train, mu, Interaction::userId, model.itemBias, Interaction::movieId, userReg, model.userBias);
        }
        return model;
    }

    /**
     * One half-step of the alternating least squares: each key's bias is its ratings' mean residual after μ and the
     * other side's bias, shrunk by {@code reg}: b_k = Σ (r − μ − b_other) / (reg + n_k).
     */
    private static void solve(List<Interaction> train, double mu, ToLongFunction<Interaction> key,
                              Map<Long, Double> other, ToLongFunction<Interaction> otherKey, double reg,
                              Map<Long, Double> into) {
        Map<Long, double[]> sums = new HashMap<>();
        for (Interaction r : train) {
            double[] acc = sums.computeIfAbsent(key.applyAsLong(r), k -> new double[2]);
            acc[0] += r.rating() - mu - other.getOrDefault(otherKey.applyAsLong(r), 0.0);
            acc[1]++;
        }
        sums.forEach((k, acc) -> into.put(k, acc[0] / (reg + acc[1])));
    }

    public double globalMean() {
        return mu;
    }

    /** μ + b_u + b_i, with unknown users or items contributing 0. */
    public double predict(long userId, long movieId) {
        return mu + userBias.getOrDefault(userId, 0.0) + itemBias.getOrDefault(movieId, 0.0);
    }
}
