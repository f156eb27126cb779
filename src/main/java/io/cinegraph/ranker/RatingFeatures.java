package io.cinegraph.ranker;

import io.cinegraph.domain.Interaction;
import io.cinegraph.model.Collaborative;
import io.cinegraph.model.Factors;
import io.cinegraph.model.RatingBaselines;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rating model's inputs, fitted on a set of ratings: bias baseline b_ui = μ + b_u + b_i (ALS, as
 * {@link RatingBaselines}), and item-kNN on baseline residuals e = r − b_ui with shrunk Pearson-baseline
 * similarity s_ij = ρ_ij · (n_ij − 1)/(n_ij − 1 + 100) (Koren 2010; Surprise's pearson_baseline). The kNN
 * estimate of (u, i) is Σ s_ij·e_uj / Σ s_ij over the (at most 40) movies j the user rated that are among i's
 * most similar positive neighbours. And the estimate of a biased matrix factorization ({@link Factors}), as a
 * deviation from b_ui.
 *
 * @param neighbourIds  per movie id, its most similar movies, best first
 * @param neighbourSims per movie id, the similarities of those movies
 */
record RatingFeatures(Factors factors, double mu, Map<Long, Double> userBias, Map<Long, Double> itemBias,
                      Map<Long, Integer> userCount, Map<Long, Integer> itemCount,
                      Map<Long, long[]> neighbourIds, Map<Long, float[]> neighbourSims) {

    static final String[] NAMES = {"baseline", "userBias", "itemBias", "knnResidual", "knnWeight", "knnCount",
            "userRatings", "movieRatings", "factorResidual"};
    private static final int KEEP = 60;
    private static final int K = 40;
    private static final double SHRINKAGE = 100;

    /** Fits biases and item neighbours on {@code ratings}; kNN covers the catalogue of {@code collaborative}. */
    static RatingFeatures fit(List<Interaction> ratings, Collaborative collaborative, long seed) {
        RatingBaselines baselines = RatingBaselines.fit(ratings, RatingBaselines.EPOCHS, RatingBaselines.ITEM_REG,
                RatingBaselines.USER_REG);
        double mu = baselines.globalMean();
        Map<Long, Double> userBias = new HashMap<>();
        Map<Long, Double> itemBias = new HashMap<>();
        Map<Long, Integer> userCount = new HashMap<>();
        Map<Long, Integer> itemCount = new HashMap<>();
        Map<Long, List<Interaction>> byUser = new HashMap<>();
        for (Interaction r : ratings) {
            userBias.computeIfAbsent(r.userId(), u -> baselines.predict(u, -1) - mu);
            itemBias.computeIfAbsent(r.movieId(), m -> baselines.predict(-1, m) - mu);
            userCount.merge(r.userId(), 1, Integer::sum);
            itemCount.merge(r.movieId(), 1, Integer::sum);
            byUser.computeIfAbsent(r.userId(), u -> new ArrayList<>()).add(r);
        }
        int n = collaborative.items();
        float[] sxy = new float[n * n];
        float[] sxx = new float[n * n];
        float[] syy = new float[n * n];
        int[] count = new int[n * n];
        for (List<Interaction> list : byUser.values()) {
            int[] items = new int[list.size()];
            float[] residual = new float[list.size()];
            int m = 0;
            for (Interaction r : list) {
                int i = collaborative.indexOf(r.movieId());
                if (i >= 0) {
                    items[m] = i;
                    residual[m++] = (float) (r.rating() - mu - userBias.get(r.userId()) - itemBias.get(r.movieId()));
                }
            }
            for (int a = 0; a < m; a++) {
                int row = items[a] * n;
                float ea = residual[a];
                for (int b = 0; b < m; b++) {
                    if (a != b) {
                        int cell = row + items[b];
                        sxy[cell] += ea * residual[b];
                        sxx[cell] += ea * ea;
                        syy[cell] += residual[b] * residual[b];
                        count[cell]++;
                    }
                }
            }
        }
        Map<Long, long[]> ids = new HashMap<>();
        Map<Long, float[]> sims = new HashMap<>();
        for (int i = 0; i < n; i++) {
            List<float[]> best = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                int cell = i * n + j;
                if (count[cell] > 1 && sxx[cell] > 0 && syy[cell] > 0) {
                    double rho = sxy[cell] / Math.sqrt((double) sxx[cell] * syy[cell]);
                    double s = rho * (count[cell] - 1) / (count[cell] - 1 + SHRINKAGE);
                    if (s > 0) {
                        best.add(new float[]{j, (float) s});
                    }
                }
            }
            best.sort((p, q) -> p[1] != q[1] ? Float.compare(q[1], p[1]) : Float.compare(p[0], q[0]));
            int keep = Math.min(KEEP, best.size());
            long[] nIds = new long[keep];
            float[] nSims = new float[keep];
            for (int r = 0; r < keep; r++) {
                nIds[r] = collaborative.movieId((int) best.get(r)[0]);
                nSims[r] = best.get(r)[1];
            }
            ids.put(collaborative.movieId(i), nIds);
            sims.put(collaborative.movieId(i), nSims);
        }
        return new RatingFeatures(Factors.fit(ratings, seed), mu, userBias, itemBias, userCount, itemCount, ids, sims);
    }

    double baseline(long userId, long movieId) {
        return mu + userBias.getOrDefault(userId, 0.0) + itemBias.getOrDefault(movieId, 0.0);
    }

    /**
     * The inputs for (user, movie) given the user's ratings as movie id → stars (the movie itself, if present,
     * is ignored); in the order of {@link #NAMES}.
     */
    float[] features(long userId, Map<Long, Double> userRatings, long movieId) {
        Double fitted = userBias.get(userId);
        double bu = fitted != null ? fitted : foldedInBias(userRatings);
        double bi = itemBias.getOrDefault(movieId, 0.0);
        long[] nIds = neighbourIds.get(movieId);
        float[] nSims = neighbourSims.get(movieId);
        double weighted = 0;
        double weights = 0;
        int used = 0;
        if (nIds != null) {
            for (int r = 0; r < nIds.length && used < K; r++) {
                Double rating = nIds[r] == movieId ? null : userRatings.get(nIds[r]);
                if (rating != null) {
                    double e = rating - mu - bu - itemBias.getOrDefault(nIds[r], 0.0);
                    weighted += nSims[r] * e;
                    weights += nSims[r];
                    used++;
                }
            }
        }
        return new float[]{(float) (mu + bu + bi), (float) bu, (float) bi, (float) (weights > 0 ? weighted / weights : 0),
                (float) Math.log1p(weights), used, (float) Math.log1p(userCount.getOrDefault(userId, 0)),
                (float) Math.log1p(itemCount.getOrDefault(movieId, 0)),
                (float) (factors.predict(userId, movieId) - (mu + bu + bi))};
    }

    /**
     * The bias of a user the fit did not see, from their own ratings with the item biases held fixed: ALS's user
     * step, b_u = Σ_j (r_uj − μ − b_j) / (λ_u + n_u); 0 without ratings.
     */
    private double foldedInBias(Map<Long, Double> userRatings) {
        double sum = 0;
        for (Map.Entry<Long, Double> r : userRatings.entrySet()) {
            sum += r.getValue() - mu - itemBias.getOrDefault(r.getKey(), 0.0);
        }
        return userRatings.isEmpty() ? 0 : sum / (RatingBaselines.USER_REG + userRatings.size());
    }

    void write(DataOutputStream out) throws IOException {
        factors.write(out);
        out.writeDouble(mu);
        writeMap(out, userBias, userCount);
        writeMap(out, itemBias, itemCount);
        out.writeInt(neighbourIds.size());
        for (Map.Entry<Long, long[]> e : neighbourIds.entrySet()) {
            out.writeLong(e.getKey());
            long[] nIds = e.getValue();
            float[] nSims = neighbourSims.get(e.getKey());
            out.writeInt(nIds.length);
            for (int r = 0; r < nIds.length; r++) {
                out.writeLong(nIds[r]);
                out.writeFloat(nSims[r]);
            }
        }
    }

    private static void writeMap(DataOutputStream out, Map<Long, Double> bias, Map<Long, Integer> counts) throws IOException {
        out.writeInt(bias.size());
        for (Map.Entry<Long, Double> e : bias.entrySet()) {
            out.writeLong(e.getKey());
            out.writeDouble(e.getValue());
            out.writeInt(counts.getOrDefault(e.getKey(), 0));
        }
    }

    static RatingFeatures read(DataInputStream in) throws IOException {
        Factors factors = Factors.read(in);
        double mu = in.readDouble();
        Map<Long, Double> userBias = new HashMap<>();
        Map<Long, Integer> userCount = new HashMap<>();
        readMap(in, userBias, userCount);
        Map<Long, Double> itemBias = new HashMap<>();
        Map<Long, Integer> itemCount = new HashMap<>();
        readMap(in, itemBias, itemCount);
        int movies = in.readInt();
        Map<Long, long[]> ids = new HashMap<>();
        Map<Long, float[]> sims = new HashMap<>();
        for (int m = 0; m < movies; m++) {
            long movieId = in.readLong();
            int size = in.readInt();
            long[] nIds = new long[size];
            float[] nSims = new float[size];
            for (int r = 0; r < size; r++) {
                nIds[r] = in.readLong();
                nSims[r] = in.readFloat();
            }
            ids.put(movieId, nIds);
            sims.put(movieId, nSims);
        }
        return new RatingFeatures(factors, mu, userBias, itemBias, userCount, itemCount, ids, sims);
    }

    private static void readMap(DataInputStream in, Map<Long, Double> bias, Map<Long, Integer> counts) throws IOException {
        int size = in.readInt();
        for (int i = 0; i < size; i++) {
            long id = in.readLong();
            bias.put(id, in.readDouble());
            counts.put(id, in.readInt());
        }
    }
}
