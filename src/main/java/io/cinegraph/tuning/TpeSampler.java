package io.cinegraph.tuning;

import io.cinegraph.support.Seeds;
import org.apache.commons.math3.special.Erf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The Tree-structured Parzen Estimator (Bergstra et al., 2011), in the independent form Optuna's default sampler
 * uses: after {@code startup} seeded uniform trials (the same draws as {@link Sampler#random}), the finished trials
 * are split into the best {@code γ(n) = min(⌈0.1 n⌉, 25)} and the rest; per parameter, a Parzen estimator (truncated
 * Gaussian kernels at the observations plus a wide prior kernel, bandwidths from the neighbours' distances) is fitted
 * to each group, {@value #CANDIDATES} points are drawn from the good group's density l(x), and the one with the
 * largest l(x)/g(x) is proposed. Categorical settings use smoothed frequencies. Failed trials are not observations.
 */
public record TpeSampler(SearchSpace space, long seed, int startup) implements Sampler {

    static final int CANDIDATES = 24;
    private static final double PRIOR_WEIGHT = 1.0;

    /** The seeded source of trial {@code trial}'s draws (shared by both samplers, so their start is the same). */
    static Random randomFor(long seed, int trial) {
        return new Random(Seeds.mix(seed, trial));
    }

    @Override
    public String name() {
        return "tpe";
    }

    @Override
    public Map<String, String> propose(int trial, List<TrialRecord> finished) {
        Random random = randomFor(seed, trial);
        List<TrialRecord> complete = finished.stream().filter(TrialRecord::complete)
                .sorted(Comparator.comparingDouble((TrialRecord t) -> -t.ndcg()).thenComparingInt(TrialRecord::number))
                .toList();
        if (complete.size() < startup) {
            return space.draw(random);
        }
        int good = Math.max(1, Math.min((int) Math.ceil(0.1 * complete.size()), 25));
        Map<String, String> point = new LinkedHashMap<>();
        for (Parameter p : space.parameters()) {
            List<Double> below = new ArrayList<>();
            List<Double> above = new ArrayList<>();
            for (int i = 0; i < complete.size(); i++) {
                String value = complete.get(i).settings().get(p.key());
                Double x = internal(p, value);
                if (x != null) {
                    (i < good ? below : above).add(x);
                }
            }
            point.put(p.key(), p.categorical() ? categorical(p, below, above, random) : numeric(p, below, above, random));
        }
        return point;
    }

    private static Double internal(Parameter p, String value) {
        if (value == null) {
            return null;
        }
        try {
            double x = p.toInternal(value);
            return p.categorical() || x >= p.lowInternal() && x <= p.highInternal() ? x : null;
        } catch (IllegalArgumentException e) {
            return null; // outside the space (e.g. a default that is not one of the choices): not an observation
        }
    }

    private static String numeric(Parameter p, List<Double> below, List<Double> above, Random random) {
        Parzen l = new Parzen(below, p.lowInternal(), p.highInternal());
        Parzen g = new Parzen(above, p.lowInternal(), p.highInternal());
        double best = Double.NaN;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < CANDIDATES; c++) {
            double x = l.sample(random);
            double score = l.logDensity(x) - g.logDensity(x);
            if (score > bestScore) {
                bestScore = score;
                best = x;
            }
        }
        return p.fromInternal(best);
    }

    private static String categorical(Parameter p, List<Double> below, List<Double> above, Random random) {
        int k = p.choices().size();
        double[] l = frequencies(below, k);
        double[] g = frequencies(above, k);
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < CANDIDATES; c++) {
            int x = drawIndex(l, random);
            double score = Math.log(l[x]) - Math.log(g[x]);
            if (score > bestScore) {
                bestScore = score;
                best = x;
            }
        }
        return p.format(p.choices().get(best));
    }

    private static double[] frequencies(List<Double> observed, int k) {
        double[] p = new double[k];
        java.util.Arrays.fill(p, PRIOR_WEIGHT / k);
        observed.forEach(x -> p[(int) Math.round(x)] += 1);
        double total = PRIOR_WEIGHT + observed.size();
        for (int i = 0; i < k; i++) {
            p[i] /= total;
        }
        return p;
    }

    private static int drawIndex(double[] p, Random random) {
        double u = random.nextDouble();
        for (int i = 0; i < p.length; i++) {
            u -= p[i];
            if (u < 0) {
                return i;
            }
        }
        return p.length - 1;
    }

    /** A mixture of equally weighted Gaussian kernels truncated to [low, high], with a prior kernel over the whole range. */
    static final class Parzen {
        final double[] mu;
        final double[] sigma;
        final double[] mass;
        final double low;
        final double high;

        Parzen(List<Double> observations, double low, double high) {
            this.low = low;
            this.high = high;
            double range = high - low;
            int n = observations.size() + 1;
            mu = new double[n];
            sigma = new double[n];
            mass = new double[n];
            double[] sorted = observations.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double minSigma = range / Math.min(100.0, 1.0 + n);
            for (int i = 0; i < sorted.length; i++) {
                double left = sorted[i] - (i == 0 ? low : sorted[i - 1]);
                double right = (i == sorted.length - 1 ? high : sorted[i + 1]) - sorted[i];
                mu[i] = sorted[i];
                sigma[i] = Math.max(minSigma, Math.min(range, Math.max(left, right)));
            }
            mu[n - 1] = (low + high) / 2; // the prior
            sigma[n - 1] = range;
            for (int i = 0; i < n; i++) {
                mass[i] = Math.max(1e-12, phi((high - mu[i]) / sigma[i]) - phi((low - mu[i]) / sigma[i]));
            }
        }

        double sample(Random random) {
            int i = random.nextInt(mu.length);
            for (int attempt = 0; attempt < 100; attempt++) {
                double x = mu[i] + sigma[i] * random.nextGaussian();
                if (x >= low && x <= high) {
                    return x;
                }
            }
            return Math.max(low, Math.min(high, mu[i]));
        }

        double logDensity(double x) {
            double sum = 0;
            for (int i = 0; i < mu.length; i++) {
                double z = (x - mu[i]) / sigma[i];
                sum += Math.exp(-0.5 * z * z) / (sigma[i] * Math.sqrt(2 * Math.PI) * mass[i]);
            }
            return Math.log(Math.max(sum / mu.length, Double.MIN_NORMAL));
        }

        private static double phi(double z) {
            return 0.5 * (1 + Erf.erf(z / Math.sqrt(2)));
        }
    }
}
