package io.cinegraph.ingest;

import java.util.SplittableRandom;

/** The synthetic generator's random draws, all from one seeded stream, so that its output depends only on the seed. */
final class SyntheticDraws {

    private final SplittableRandom random;

    SyntheticDraws(long seed) {
        this.random = new SplittableRandom(seed);
    }

    double nextDouble() {
        return random.nextDouble();
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** Per-user rating counts: Pareto-distributed (tail exponent {@code paretoAlpha}), at least {@code minimum}, at most half the catalogue, summing exactly to the requested total. */
    long[] activity(int users, int movies, long ratings, int minimum, double paretoAlpha) {
        long cap = movies / 2;
        long floor = Math.min(minimum, Math.max(1, ratings / users));
        double[] raw = new double[users];
        double sum = 0;
        for (int u = 0; u < users; u++) {
            raw[u] = Math.pow(1 - random.nextDouble(), -1 / paretoAlpha);
            sum += raw[u];
        }
        long[] counts = new long[users];
        long assigned = 0;
        long spare = ratings - floor * users;
        for (int u = 0; u < users; u++) {
            counts[u] = Math.min(cap, floor + (long) Math.floor(spare * raw[u] / sum));
            assigned += counts[u];
        }
        // hand out what rounding and the cap left over, one at a time round the users that have room
        int u = 0;
        while (assigned < ratings) {
            if (counts[u] < cap) {
                counts[u]++;
                assigned++;
            }
            u = (u + 1) % users;
        }
        while (assigned > ratings) {
            if (counts[u] > 1) {
                counts[u]--;
                assigned--;
            }
            u = (u + 1) % users;
        }
        return counts;
    }

    /** A uniformly shuffled 0..n-1. */
    int[] permutation(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    /** Running sums of the weights. */
    static double[] cumulative(double[] weights) {
        double[] cdf = new double[weights.length];
        double running = 0;
        for (int i = 0; i < weights.length; i++) {
            running += weights[i];
            cdf[i] = running;
        }
        return cdf;
    }

    /** An index drawn with probability weight / total. */
    int pick(double[] weights, double total) {
        double x = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** A standard normal draw. */
    double gaussian() {
        // Box-Muller from the seeded stream, so output depends only on the seed
        double u1 = 1 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
