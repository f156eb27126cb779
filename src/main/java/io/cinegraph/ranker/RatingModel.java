package io.cinegraph.ranker;

import io.cinegraph.domain.Interaction;
import io.cinegraph.model.Collaborative;
import io.cinegraph.ranker.EarlyStopping;
import io.cinegraph.support.Progress;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Predicted stars: the rating network over {@link RatingFeatures} and user/movie embeddings predicts the
 * deviation of a rating from the bias baseline. Its training inputs are out-of-fold (each rating's features
 * come from a fit on the other four fifths), so the network learns how far to trust each estimate on ratings
 * it did not see; at prediction time the features come from a fit on every rating. Predictions are clamped
 * to the dataset's rating scale.
 */
public final class RatingModel {

    private static final int FOLDS = 5;

    private final RatingFeatures features;
    private final TrainedNetwork network;
    private final double minRating;
    private final double maxRating;

    RatingModel(RatingFeatures features, TrainedNetwork network, double minRating, double maxRating) {
        this.features = features;
        this.network = network;
        this.minRating = minRating;
        this.maxRating = maxRating;
    }

    RatingFeatures features() {
        return features;
    }

    TrainedNetwork network() {
        return network;
    }

    double minRating() {
        return minRating;
    }

    double maxRating() {
        return maxRating;
    }

    /** Validation RMSE of the fit, on a seeded 5 % of the ratings held out from the network's training. */
    public record Fit(RatingModel model, double validationRmse, int epochs) {
    }

    public static Fit fit(List<Interaction> ratings, Map<Long, Integer> userIndex, Collaborative collaborative,
                   RankerConfig config, long seed) {
        double min = ratings.stream().mapToDouble(Interaction::rating).min().orElse(1);
        double max = ratings.stream().mapToDouble(Interaction::rating).max().orElse(5);
        int n = ratings.size();
        int[] fold = new int[n];
        Random random = new Random(seed);
        for (int r = 0; r < n; r++) {
            fold[r] = random.nextInt(FOLDS);
        }
        int d = RatingFeatures.NAMES.length;
        float[][] dense = new float[n][];
        float[] targets = new float[n];
        // the folds are independent (each writes only its own rows): fitted on every core
        try (Progress progress = Progress.items("Rating features (out of fold)", FOLDS, " folds")) {
            java.util.stream.IntStream.range(0, FOLDS).parallel().forEach(f -> {
                List<Interaction> rest = new ArrayList<>();
                for (int r = 0; r < n; r++) {
                    if (fold[r] != f) {
                        rest.add(ratings.get(r));
                    }
                }
                RatingFeatures partial = RatingFeatures.fit(rest, collaborative, seed + f);
                Map<Long, Map<Long, Double>> byUser = byUser(rest);
                for (int r = 0; r < n; r++) {
                    if (fold[r] == f) {
                        Interaction i = ratings.get(r);
                        dense[r] = partial.features(i.userId(), byUser.getOrDefault(i.userId(), Map.of()), i.movieId());
                        targets[r] = (float) (i.rating() - dense[r][0]);
                    }
                }
                progress.step();
            });
        }
        float[] user = new float[n];
        float[] movie = new float[n];
        for (int r = 0; r < n; r++) {
            user[r] = userIndex.getOrDefault(ratings.get(r).userId(), 0);
            movie[r] = collaborative.indexOf(ratings.get(r).movieId()) + 1;
        }
        boolean[] validation = new boolean[n];
        for (int r = 0; r < n; r++) {
            validation[r] = random.nextDouble() < 0.05;
        }
        NormalizerStandardize normalizer = new NormalizerStandardize();
        normalizer.fit(new DataSet(Nd4j.create(dense), Nd4j.create(targets, n, 1)));
        ComputationGraph network = Networks.rating(d, userIndex.size(), collaborative.items(), config, seed);
        List<Integer> order = new ArrayList<>();
        List<Integer> held = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            (validation[r] ? held : order).add(r);
        }
        EarlyStopping stopping = new EarlyStopping(network, config.patience(), false);
        int batch = config.ratingBatchSize();
        for (int epoch = 1; epoch <= config.ratingEpochs(); epoch++) {
            java.util.Collections.shuffle(order, random);
            try (Progress progress = Progress.items("Rating model epoch " + epoch, order.size(), " ratings")) {
                for (int from = 0; from < order.size(); from += batch) {
                    List<Integer> rows = order.subList(from, Math.min(order.size(), from + batch));
                    network.fit(new MultiDataSet(inputs(rows, dense, user, movie, normalizer),
                            new INDArray[]{Nd4j.create(pick(targets, rows), rows.size(), 1)}));
                    progress.stepTo(from + rows.size());
                }
                double rmse = rmse(network, held, dense, user, movie, targets, normalizer);
                progress.message(String.format(java.util.Locale.ROOT, "validation RMSE %.4f", rmse));
                if (!stopping.record(epoch, rmse)) {
                    break;
                }
            }
        }
        stopping.restoreBest();
        return new Fit(new RatingModel(RatingFeatures.fit(ratings, collaborative, seed), TrainedNetwork.of(network, normalizer), min, max),
                stopping.best(), stopping.bestEpoch());
    }

    private static double rmse(ComputationGraph network, List<Integer> rows, float[][] dense, float[] user, float[] movie,
                               float[] targets, NormalizerStandardize normalizer) {
        if (rows.isEmpty()) {
            return 0;
        }
        float[] out = network.output(false, inputs(rows, dense, user, movie, normalizer))[0].toFloatVector();
        double sum = 0;
        for (int r = 0; r < out.length; r++) {
            double e = out[r] - targets[rows.get(r)];
            sum += e * e;
        }
        return Math.sqrt(sum / out.length);
    }

    private static INDArray[] inputs(List<Integer> rows, float[][] dense, float[] user, float[] movie,
                                     NormalizerStandardize normalizer) {
        io.cinegraph.support.NativeThreads.onThisThread();
        float[][] d = new float[rows.size()][];
        for (int r = 0; r < d.length; r++) {
            d[r] = dense[rows.get(r)];
        }
        INDArray denseArray = Nd4j.create(d);
        normalizer.transform(denseArray);
        return new INDArray[]{denseArray, Nd4j.create(pick(user, rows), rows.size(), 1),
                Nd4j.create(pick(movie, rows), rows.size(), 1)};
    }

    private static float[] pick(float[] values, List<Integer> rows) {
        float[] out = new float[rows.size()];
        for (int r = 0; r < out.length; r++) {
            out[r] = values[rows.get(r)];
        }
        return out;
    }

    public static Map<Long, Map<Long, Double>> byUser(List<Interaction> ratings) {
        Map<Long, Map<Long, Double>> out = new HashMap<>();
        ratings.forEach(i -> out.computeIfAbsent(i.userId(), u -> new HashMap<>()).put(i.movieId(), i.rating()));
        return out;
    }

    /**
     * Predicted stars of the movies for a user with the given ratings (movie id → stars), in one forward pass;
     * concurrent calls share the read-only weights.
     */
    public double[] predict(long userId, int userIndex, Map<Long, Double> userRatings, long[] movieIds,
                                  Collaborative collaborative) {
        int n = movieIds.length;
        if (n == 0) {
            return new double[0];
        }
        float[][] dense = new float[n][];
        float[] user = new float[n];
        float[] movie = new float[n];
        for (int r = 0; r < n; r++) {
            dense[r] = features.features(userId, userRatings, movieIds[r]);
            user[r] = userIndex;
            movie[r] = collaborative.indexOf(movieIds[r]) + 1;
        }
        float[] out = network.output(List.of(dense, Forward.column(user), Forward.column(movie)));
        double[] stars = new double[n];
        for (int r = 0; r < n; r++) {
            stars[r] = Math.max(minRating, Math.min(maxRating, dense[r][0] + out[r]));
        }
        return stars;
    }
}
