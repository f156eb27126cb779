package io.cinegraph.evaluation;

import io.cinegraph.domain.Interaction;
import io.cinegraph.model.Ranking;
import io.cinegraph.model.TrainingData;
import io.cinegraph.support.Futures;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Runs one protocol for several models: trains each on the training part only, then ranks for every test user
 * (full: every catalogue item the user has not rated in training; sampled: the test item among
 * {@code negatives} items the user never rated, drawn uniformly with the seed; leave-last-out only). Ties in a
 * full ranking are broken by movie id; metrics are averaged over test users.
 */
public final class Evaluator {

    /** The larger cut-off always reported for recall. */
    static final int RECALL_CUTOFF = 20;

    /**
     * One model's figures: full-ranking and sampled means over test users, NDCG@k per training-activity slice
     * (see {@link #ACTIVITY_SLICES}), and the training time.
     */
    public record ModelResult(String name, Map<String, Double> full, Map<String, Double> sampled,
                              Map<String, Double> ndcgByActivity, Map<String, Double> ndcgByCohort, double trainSeconds,
                              @com.fasterxml.jackson.annotation.JsonIgnore double[] ndcgByUser) {
    }

    /** Upper bounds (inclusive) of the training-activity slices; "cold" users have at most 5 training ratings. */
    static final int[] ACTIVITY_BOUNDS = {5, 20, 50, 100, Integer.MAX_VALUE};
    static final String[] ACTIVITY_SLICES = {"cold (<=5)", "6-20", "21-50", "51-100", ">100"};

    private final int k;
    private final int negatives;
    private final long seed;
    private final int threads;
    private Map<Long, String> cohorts = Map.of();

    /** Scores users on as many threads as the machine has cores (models are read-only once fitted). */
    public Evaluator(int k, int negatives, long seed) {
        this.k = k;
        this.negatives = negatives;
        this.seed = seed;
        this.threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** Labels users' demographic cohorts (e.g. "F 25-34") for the per-cohort slice; users without one are left out. */
    public Evaluator withCohorts(Map<Long, String> cohortOfUser) {
        this.cohorts = Map.copyOf(cohortOfUser);
        return this;
    }

    public List<ModelResult> run(List<Interaction> all, Split split, List<Recommender> models) {
        TrainingData data = new TrainingData(split.train(), all);
        Map<Long, Set<Long>> testByUser = new java.util.TreeMap<>();
        split.test().forEach(i -> testByUser.computeIfAbsent(i.userId(), x -> new HashSet<>()).add(i.movieId()));
        testByUser.keySet().removeIf(u -> data.userIndex(u) == null);
        Map<Long, Set<Long>> everRated = new HashMap<>();
        all.forEach(i -> everRated.computeIfAbsent(i.userId(), x -> new HashSet<>()).add(i.movieId()));
        int[] popularity = data.itemCounts();
        boolean sampled = split.protocol().equals("leave-last-out") && negatives > 0;
        Map<Long, int[]> negativeSamples = sampled ? drawNegatives(data, testByUser, everRated) : Map.of();

        List<ModelResult> results = new ArrayList<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        // the models are fitted one after the other on a thread of their own, ahead of the scoring: a long fit (the
        // ranker's) overlaps the scoring of the models before it, which cannot keep every core busy alone
        java.util.concurrent.ExecutorService fitter = Futures.daemonThread("evaluation-fits");
        try {
            List<java.util.concurrent.Future<Double>> fits = new ArrayList<>();
            for (Recommender model : models) {
                fits.add(fitter.submit(() -> {
                    long started = System.nanoTime();
                    model.fit(data);
                    return (System.nanoTime() - started) / 1e9;
                }));
            }
            for (int m = 0; m < models.size(); m++) {
                Recommender model = models.get(m);
                double trainSeconds = Futures.await(fits.get(m), "the fit of " + model.name());
                Map<String, Double> sums = new LinkedHashMap<>();
                Map<String, Double> sampledSums = new LinkedHashMap<>();
                List<List<Long>> topLists = new ArrayList<>();
                Map<String, double[]> cohortSums = new java.util.TreeMap<>();
                double[] sliceSums = new double[ACTIVITY_BOUNDS.length];
                int[] sliceUsers = new int[ACTIVITY_BOUNDS.length];
                double popularitySum = 0;
                io.cinegraph.support.Progress progress = io.cinegraph.support.Progress.items(
                        "Evaluating " + model.name(), testByUser.size(), " users");
                List<java.util.concurrent.Future<UserOutcome>> outcomes = new ArrayList<>();
                for (Map.Entry<Long, Set<Long>> entry : testByUser.entrySet()) {
                    outcomes.add(pool.submit(() -> {
                        UserOutcome outcome = evaluateUser(model, data, entry.getKey(), entry.getValue(), popularity,
                                sampled ? negativeSamples.get(entry.getKey()) : null);
                        progress.step();
                        return outcome;
                    }));
                }
                // summed in user order, so results do not depend on thread scheduling
                int position = 0;
                List<Long> order = new ArrayList<>(testByUser.keySet());
                double[] ndcgByUser = new double[order.size()];
                for (java.util.concurrent.Future<UserOutcome> future : outcomes) {
                    UserOutcome outcome = Futures.await(future, "the evaluation of a user");
                    ndcgByUser[position] = outcome.metrics().get("ndcg@" + k);
                    long userId = order.get(position++);
                    int slice = slice(data.itemsOf(data.userIndex(userId)).length);
                    String cohort = cohorts.get(userId);
                    if (cohort != null) {
                        double[] acc = cohortSums.computeIfAbsent(cohort, c -> new double[2]);
                        acc[0] += outcome.metrics().get("ndcg@" + k);
                        acc[1]++;
                    }
                    sliceSums[slice] += outcome.metrics().get("ndcg@" + k);
                    sliceUsers[slice]++;
                    outcome.metrics().forEach((key, v) -> add(sums, key, v));
                    outcome.sampled().forEach((key, v) -> add(sampledSums, key, v));
                    topLists.add(outcome.top());
                    popularitySum += outcome.meanPopularity();
                }
                progress.close();
                int users = testByUser.size();
                Map<String, Double> full = new LinkedHashMap<>();
                sums.forEach((key, v) -> full.put(key, v / users));
                full.put("coverage@" + k, Metrics.coverage(topLists, k, data.items()));
                full.put("popularity@" + k, popularitySum / users);
                Map<String, Double> sampledMeans = new LinkedHashMap<>();
                sampledSums.forEach((key, v) -> sampledMeans.put(key, v / users));
                Map<String, Double> byActivity = new LinkedHashMap<>();
                for (int b = 0; b < ACTIVITY_BOUNDS.length; b++) {
                    if (sliceUsers[b] > 0) {
                        byActivity.put(ACTIVITY_SLICES[b], sliceSums[b] / sliceUsers[b]);
                    }
                }
                Map<String, Double> byCohort = new LinkedHashMap<>();
                cohortSums.forEach((cohort, acc) -> byCohort.put(cohort, acc[0] / acc[1]));
                results.add(new ModelResult(model.name(), full, sampledMeans, byActivity, byCohort, trainSeconds,
                        ndcgByUser));
            }
        } finally {
            pool.shutdownNow();
            fitter.shutdownNow();
        }
        return results;
    }

    private static int slice(int trainingRatings) {
        int b = 0;
        while (trainingRatings > ACTIVITY_BOUNDS[b]) {
            b++;
        }
        return b;
    }

    /** One test user's metrics for one model. */
    private record UserOutcome(Map<String, Double> metrics, Map<String, Double> sampled, List<Long> top,
                               double meanPopularity) {
    }

    private UserOutcome evaluateUser(Recommender model, TrainingData data, long userId, Set<Long> relevant,
                                     int[] popularity, int[] negativeSample) {
        int user = data.userIndex(userId);
        double[] scores = model.scores(user);
        for (int i : data.itemsOf(user)) {
            scores[i] = Double.NEGATIVE_INFINITY;
        }
        List<Long> ranked = rank(scores, data, data.items() - data.itemsOf(user).length);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("ndcg@" + k, Metrics.ndcg(ranked, relevant, k));
        metrics.put("recall@" + k, Metrics.recall(ranked, relevant, k));
        metrics.put("recall@" + RECALL_CUTOFF, Metrics.recall(ranked, relevant, RECALL_CUTOFF));
        metrics.put("hr@" + k, Metrics.hitRate(ranked, relevant, k));
        metrics.put("precision@" + k, Metrics.precision(ranked, relevant, k));
        metrics.put("map@" + k, Metrics.averagePrecision(ranked, relevant, k));
        metrics.put("mrr", Metrics.reciprocalRank(ranked, relevant));
        List<Long> top = List.copyOf(ranked.subList(0, Math.min(k, ranked.size())));
        double meanPopularity = top.stream().mapToInt(m -> popularity[data.itemIndex(m)]).average().orElse(0);
        Map<String, Double> sampledMetrics = new LinkedHashMap<>();
        if (negativeSample != null) {
            long positive = relevant.iterator().next();
            double[] negScores = new double[negativeSample.length];
            for (int n = 0; n < negativeSample.length; n++) {
                negScores[n] = scores[negativeSample[n]];
            }
            int rank = Metrics.sampledRank(scores[data.itemIndex(positive)], negScores);
            sampledMetrics.put("hr@" + k, rank < k ? 1.0 : 0.0);
            sampledMetrics.put("ndcg@" + k, rank < k ? 1 / (Math.log(rank + 2) / Math.log(2)) : 0.0);
        }
        return new UserOutcome(metrics, sampledMetrics, top, meanPopularity);
    }

    private Map<Long, int[]> drawNegatives(TrainingData data, Map<Long, Set<Long>> testByUser,
                                           Map<Long, Set<Long>> everRated) {
        Random random = new Random(seed);
        Map<Long, int[]> out = new HashMap<>();
        for (Long user : testByUser.keySet()) {
            Set<Long> rated = everRated.get(user);
            List<Integer> pool = new ArrayList<>();
            for (int i = 0; i < data.items(); i++) {
                if (!rated.contains(data.itemId(i))) {
                    pool.add(i);
                }
            }
            int[] picks = new int[Math.min(negatives, pool.size())];
            for (int n = 0; n < picks.length; n++) {
                int j = n + random.nextInt(pool.size() - n);
                java.util.Collections.swap(pool, n, j);
                picks[n] = pool.get(n);
            }
            out.put(user, picks);
        }
        return out;
    }

    /** Movie ids of every catalogue item, by score descending then movie id. */
    public static List<Long> rank(double[] scores, TrainingData data) {
        return rank(scores, data, scores.length);
    }

    /** Movie ids of the {@code length} best-scored items, by score descending then movie id. */
    private static List<Long> rank(double[] scores, TrainingData data, int length) {
        int[] order = Ranking.byScore(scores);
        List<Long> ranked = new ArrayList<>(length);
        for (int r = 0; r < length; r++) {
            ranked.add(data.itemId(order[r]));
        }
        return ranked;
    }

    private static void add(Map<String, Double> sums, String key, double value) {
        sums.merge(key, value, Double::sum);
    }
}
