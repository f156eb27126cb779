package io.cinegraph.events;

/** The exact expectations of ranking figures over a uniformly random order: the floor of an offline replay. */
final class RandomOrder {

    private RandomOrder() {
    }

    /** E[NDCG] of a uniformly random order of n movies of which p are relevant: (p/n)·Σ_{i≤n} 1/log2(i+1) / IDCG. */
    static double ndcg(int n, int p) {
        if (p == 0) {
            return 0;
        }
        double all = 0;
        double ideal = 0;
        for (int i = 1; i <= n; i++) {
            double g = 1 / (Math.log(i + 1) / Math.log(2));
            all += g;
            if (i <= p) {
                ideal += g;
            }
        }
        return (double) p / n * all / ideal;
    }

    /** E[1/rank of the first relevant] of a random order: P(first at i) = C(n−i, p−1) / C(n, p). */
    static double reciprocalRank(int n, int p) {
        if (p == 0) {
            return 0;
        }
        double expected = 0;
        double firstAt = (double) p / n;
        for (int i = 1; i <= n - p + 1; i++) {
            expected += firstAt / i;
            if (i < n) {
                firstAt *= (double) (n - i - p + 1) / (n - i); // C(n−i−1, p−1) / C(n−i, p−1)
            }
        }
        return expected;
    }
}
