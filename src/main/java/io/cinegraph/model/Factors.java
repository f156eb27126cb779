package io.cinegraph.model;

import io.cinegraph.domain.Interaction;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Biased matrix factorization fitted by SGD (Funk's SVD as in Koren 2009 and Surprise's SVD):
 * r̂_ui = μ + b_u + b_i + p_u·q_i, minimizing squared error + λ(b_u² + b_i² + |p_u|² + |q_i|²). One of the rating
 * model's inputs; unknown users or movies contribute zero factors and biases.
 */
public final class Factors {

    static final int SIZE = 50;
    private static final int EPOCHS = 20;
    private static final double RATE = 0.005;
    private static final double REG = 0.02;
    private static final double INIT = 0.1;

    private final double mu;
    private final Map<Long, float[]> users;
    private final Map<Long, float[]> items;

    /** Factor vectors carry their bias in the last slot. */
    private Factors(double mu, Map<Long, float[]> users, Map<Long, float[]> items) {
        this.mu = mu;
        this.users = users;
        this.items = items;
    }

    public static Factors fit(List<Interaction> ratings, long seed) {
        Random random = new Random(seed);
        double mu = ratings.stream().mapToDouble(Interaction::rating).average().orElse(0);
        Map<Long, float[]> users = new HashMap<>();
        Map<Long, float[]> items = new HashMap<>();
        List<Interaction> order = new ArrayList<>(ratings);
        order.sort(java.util.Comparator.comparingLong(Interaction::userId).thenComparingLong(Interaction::movieId));
        for (Interaction r : order) {
            users.computeIfAbsent(r.userId(), u -> init(random));
            items.computeIfAbsent(r.movieId(), m -> init(random));
        }
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            Collections.shuffle(order, random);
            for (Interaction r : order) {
                float[] p = users.get(r.userId());
                float[] q = items.get(r.movieId());
                double err = r.rating() - predict(mu, p, q);
                p[SIZE] += (float) (RATE * (err - REG * p[SIZE]));
                q[SIZE] += (float) (RATE * (err - REG * q[SIZE]));
                for (int f = 0; f < SIZE; f++) {
                    float pf = p[f];
                    p[f] += (float) (RATE * (err * q[f] - REG * pf));
                    q[f] += (float) (RATE * (err * pf - REG * q[f]));
                }
            }
        }
        return new Factors(mu, users, items);
    }

    private static float[] init(Random random) {
        float[] v = new float[SIZE + 1];
        for (int f = 0; f < SIZE; f++) {
            v[f] = (float) (random.nextGaussian() * INIT);
        }
        return v;
    }

    private static double predict(double mu, float[] p, float[] q) {
        double dot = 0;
        for (int f = 0; f < SIZE; f++) {
            dot += p[f] * q[f];
        }
        return mu + p[SIZE] + q[SIZE] + dot;
    }

    public double predict(long userId, long movieId) {
        float[] p = users.get(userId);
        float[] q = items.get(movieId);
        if (p == null && q == null) {
            return mu;
        }
        if (p == null || q == null) {
            return mu + (p == null ? 0 : p[SIZE]) + (q == null ? 0 : q[SIZE]);
        }
        return predict(mu, p, q);
    }

    public void write(DataOutputStream out) throws IOException {
        out.writeDouble(mu);
        for (Map<Long, float[]> m : List.of(users, items)) {
            out.writeInt(m.size());
            for (Map.Entry<Long, float[]> e : m.entrySet()) {
                out.writeLong(e.getKey());
                for (float v : e.getValue()) {
                    out.writeFloat(v);
                }
            }
        }
    }

    public static Factors read(DataInputStream in) throws IOException {
        double mu = in.readDouble();
        List<Map<Long, float[]>> maps = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            int size = in.readInt();
            Map<Long, float[]> m = new HashMap<>();
            for (int i = 0; i < size; i++) {
                long id = in.readLong();
                float[] v = new float[SIZE + 1];
                for (int f = 0; f <= SIZE; f++) {
                    v[f] = in.readFloat();
                }
                m.put(id, v);
            }
            maps.add(m);
        }
        return new Factors(mu, maps.get(0), maps.get(1));
    }
}
