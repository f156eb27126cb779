package io.cinegraph.evaluation;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Ranking and rating metrics as pure functions of one user's ranked list and held-out items. Keys as reported:
 * {@code hr@k}, {@code precision@k}, {@code recall@k}, {@code ndcg@k}, {@code map@k}, {@code mrr}, {@code rmse},
 * {@code mae}. Ranks are 1-based; "hits@k" is |top-k ∩ relevant|.
 */
public final class Metrics {

    private Metrics() {
    }

    /** HR@k = 1 if any relevant item is in the top k, else 0. */
    public static double hitRate(List<Long> ranked, Set<Long> relevant, int k) {
        return hits(ranked, relevant, k) > 0 ? 1 : 0;
    }

    /** Precision@k = hits@k / k. */
    public static double precision(List<Long> ranked, Set<Long> relevant, int k) {
        return (double) hits(ranked, relevant, k) / k;
    }

    /** Recall@k = hits@k / min(k, |relevant|); 0 when nothing is relevant. */
    public static double recall(List<Long> ranked, Set<Long> relevant, int k) {
        return relevant.isEmpty() ? 0 : (double) hits(ranked, relevant, k) / Math.min(k, relevant.size());
    }

    /**
     * NDCG@k with binary relevance: DCG@k = Σ_{i=1..k} rel_i / log2(i + 1), divided by the ideal DCG of
     * min(k, |relevant|) relevant items in the first places.
     */
    public static double ndcg(List<Long> ranked, Set<Long> relevant, int k) {
        if (relevant.isEmpty()) {
            return 0;
        }
        double[] gains = new double[Math.min(k, ranked.size())];
        for (int i = 0; i < gains.length; i++) {
            gains[i] = relevant.contains(ranked.get(i)) ? 1 : 0;
        }
        double[] ideal = new double[Math.min(k, relevant.size())];
        java.util.Arrays.fill(ideal, 1);
        return dcg(gains) / dcg(ideal);
    }

    /** DCG = Σ_i gain_i / log2(i + 1), i from 1 (graded gains; the textbook definition). */
    public static double dcg(double[] gains) {
        double sum = 0;
        for (int i = 0; i < gains.length; i++) {
            sum += gains[i] / log2(i + 2);
        }
        return sum;
    }

    /** MAP@k (this user's AP@k) = (1 / min(k, |relevant|)) · Σ_{i ≤ k, item i relevant} precision@i. */
    public static double averagePrecision(List<Long> ranked, Set<Long> relevant, int k) {
        if (relevant.isEmpty()) {
            return 0;
        }
        double sum = 0;
        int hits = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            if (relevant.contains(ranked.get(i))) {
                hits++;
                sum += (double) hits / (i + 1);
            }
        }
        return sum / Math.min(k, relevant.size());
    }

    /** Reciprocal rank of the first relevant item in the whole list; 0 when none is ranked. */
    public static double reciprocalRank(List<Long> ranked, Set<Long> relevant) {
        for (int i = 0; i < ranked.size(); i++) {
            if (relevant.contains(ranked.get(i))) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    /**
     * The 0-based rank of a positive among sampled negatives: (#negatives scored higher) + ½(#scored equal),
     * rounded down, so that ties neither help nor hurt on average.
     */
    public static int sampledRank(double positiveScore, double[] negativeScores) {
        int higher = 0;
        int equal = 0;
        for (double s : negativeScores) {
            if (s > positiveScore) {
                higher++;
            } else if (s == positiveScore) {
                equal++;
            }
        }
        return higher + equal / 2;
    }

    /** RMSE = sqrt(mean((predicted − actual)²)). */
    public static double rmse(double[] predicted, double[] actual) {
        requireSameLength(predicted, actual);
        double sum = 0;
        for (int i = 0; i < predicted.length; i++) {
            double d = predicted[i] - actual[i];
            sum += d * d;
        }
        return Math.sqrt(sum / predicted.length);
    }

    /** MAE = mean(|predicted − actual|). */
    public static double mae(double[] predicted, double[] actual) {
        requireSameLength(predicted, actual);
        double sum = 0;
        for (int i = 0; i < predicted.length; i++) {
            sum += Math.abs(predicted[i] - actual[i]);
        }
        return sum / predicted.length;
    }

    /** Catalogue coverage@k = |⋃ users' top-k| / |catalogue|. */
    public static double coverage(Collection<List<Long>> topLists, int k, int catalogueSize) {
        Set<Long> seen = new HashSet<>();
        for (List<Long> list : topLists) {
            seen.addAll(list.subList(0, Math.min(k, list.size())));
        }
        return catalogueSize == 0 ? 0 : (double) seen.size() / catalogueSize;
    }

    private static int hits(List<Long> ranked, Set<Long> relevant, int k) {
        int hits = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            if (relevant.contains(ranked.get(i))) {
                hits++;
            }
        }
        return hits;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static void requireSameLength(double[] a, double[] b) {
        if (a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException("need as many predictions as ratings, and at least one: "
                    + a.length + " vs " + b.length);
        }
    }

    /** The mean of paired differences {@code a[i] − b[i]} and its 95 % confidence interval (normal approximation). */
    public record PairedDifference(double mean, double low, double high, int n) {

        public boolean significant() {
            return low > 0 || high < 0;
        }
    }

    /** Paired comparison of two models' per-user figures over the same users in the same order. */
    public static PairedDifference pairedDifference(double[] a, double[] b) {
        if (a.length != b.length || a.length < 2) {
            throw new IllegalArgumentException("a paired comparison needs the same users on both sides (at least 2), got "
                    + a.length + " and " + b.length);
        }
        int n = a.length;
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += a[i] - b[i];
        }
        mean /= n;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double d = a[i] - b[i] - mean;
            squares += d * d;
        }
        double halfWidth = 1.96 * Math.sqrt(squares / (n - 1) / n);
        return new PairedDifference(mean, mean - halfWidth, mean + halfWidth, n);
    }
}
