package io.cinegraph.training;

import io.cinegraph.ranker.EarlyStopping;
import io.cinegraph.ranker.Networks;
import io.cinegraph.ranker.RankerConfig;
import io.cinegraph.ranker.RankerInputs;
import io.cinegraph.ranker.RankerModel;
import io.cinegraph.ranker.RankerSchema;
import io.cinegraph.signals.Feature;
import io.cinegraph.support.Futures;
import io.cinegraph.support.Progress;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.jboss.logging.Logger;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The fit loop of the ranking network: the normalizer fitted on the training rows only, shuffled mini-batches
 * (sign-up rows weighted through the label mask), and after each epoch the running average of the parameters
 * (stochastic weight averaging) judged on the validation slice, with early stopping on it.
 */
final class RankingFit {

    private static final Logger LOG = Logger.getLogger(RankingFit.class);

    /** The fitted network and normalizer, the best epoch's validation figures, and the number of training rows. */
    record Fitted(ComputationGraph network, NormalizerStandardize normalizer, Validation validation, int epochs,
                  long examples) {
    }

    private final RankerConfig config;

    RankingFit(RankerConfig config) {
        this.config = config;
    }

    Fitted fit(List<UserExamples> train, List<UserExamples> validation, RankerSchema schema, long seed) {
        List<int[]> index = new ArrayList<>();
        for (int u = 0; u < train.size(); u++) {
            UserExamples e = train.get(u);
            for (int r = 0; r < e.rows().size(); r++) {
                if (!e.heldOut().contains(e.rows().movieIds()[r])) {
                    index.add(new int[]{u, r});
                }
            }
        }
        float[][] allDense = new float[index.size()][];
        for (int n = 0; n < allDense.length; n++) {
            allDense[n] = train.get(index.get(n)[0]).rows().dense()[index.get(n)[1]];
        }
        NormalizerStandardize normalizer = new NormalizerStandardize();
        normalizer.fit(new DataSet(Nd4j.create(allDense), Nd4j.zeros(allDense.length, 1)));
        ComputationGraph network = Networks.ranking(schema, config, seed);
        logSingleFeatures(validation);
        Random random = new Random(seed);
        EarlyStopping stopping = new EarlyStopping(network, config.patience(), true);
        INDArray average = null;
        Validation best = Validation.none();
        int perEpoch = config.examplesPerEpoch() <= 0 ? index.size() : Math.min(index.size(), config.examplesPerEpoch());
        if (perEpoch < index.size()) {
            LOG.infof("Each epoch fits a fresh sample of %d of the %d training rows", perEpoch, index.size());
        }
        ExecutorService prepare = Futures.daemonThread("ranker-batches");
        try {
            for (int epoch = 1; epoch <= config.maxEpochs(); epoch++) {
                Collections.shuffle(index, random);
                List<int[]> sample = index.subList(0, perEpoch);
                try (Progress progress = Progress.items("Ranker epoch " + epoch, sample.size(), " examples")) {
                    double loss = fitEpoch(network, train, sample, normalizer, prepare, progress);
                    // validation and early stopping judge the running average of the parameters over the epochs
                    // so far (stochastic weight averaging): single epochs' parameters jump around one minimum
                    INDArray current = network.params().dup();
                    average = average == null ? current.dup() : average.muli(epoch - 1).addi(current).divi(epoch);
                    network.setParams(average);
                    Validation v = Validation.of(network, normalizer, validation);
                    double ndcg = v.balanced();
                    progress.message(String.format(Locale.ROOT, "loss %.4f, validation NDCG@10 %.4f", loss, ndcg));
                    LOG.infof("Ranker epoch %d: loss %.4f, validation NDCG@10 %.4f (users with history %.4f, cold "
                            + "users with a few ratings %.4f, as sign-ups %.4f)", epoch, loss, ndcg, v.warm(), v.cold(),
                            v.signUp());
                    boolean go = stopping.record(epoch, ndcg);
                    if (stopping.bestEpoch() == epoch) {
                        best = v;
                    }
                    network.setParams(current);
                    if (!go) {
                        break;
                    }
                }
            }
        } finally {
            prepare.shutdownNow();
        }
        stopping.restoreBest();
        return new Fitted(network, normalizer, best, stopping.bestEpoch(), index.size());
    }

    /**
     * One pass over the sample in mini-batches; the mean loss. The next batch is assembled on {@code prepare}'s
     * thread while the network fits the current one (the same batches in the same order: the result is the same).
     */
    private double fitEpoch(ComputationGraph network, List<UserExamples> train, List<int[]> sample,
                            NormalizerStandardize normalizer, ExecutorService prepare, Progress progress) {
        int batch = config.batchSize();
        double lossSum = 0;
        int batches = 0;
        Future<MultiDataSet> next = prepare.submit(() -> batchOf(train, slice(sample, 0, batch), normalizer));
        for (int from = 0; from < sample.size(); from += batch) {
            MultiDataSet current = Futures.await(next, "the next mini-batch");
            int following = from + batch;
            if (following < sample.size()) {
                next = prepare.submit(() -> batchOf(train, slice(sample, following, batch), normalizer));
            }
            network.fit(current);
            lossSum += network.score();
            batches++;
            progress.stepTo(Math.min(sample.size(), following));
        }
        return lossSum / batches;
    }

    private static List<int[]> slice(List<int[]> rows, int from, int size) {
        return rows.subList(from, Math.min(rows.size(), from + size));
    }


    /** What the validation slice gives when ranked by popularity alone, for comparison with the network's epochs. */
    private static void logSingleFeatures(List<UserExamples> validation) {
        for (Feature f : List.of(Feature.LOG_POPULARITY, Feature.COHORT_POPULARITY)) {
            Validation v = Validation.of(validation, e -> {
                float[] scores = new float[e.rows().size()];
                for (int r = 0; r < scores.length; r++) {
                    scores[r] = e.rows().dense()[r][f.ordinal()];
                }
                return scores;
            });
            LOG.infof("Validation slice ranked by %s alone: NDCG@10 %.4f (users with history %.4f, cold users with a few "
                    + "ratings %.4f, as sign-ups %.4f)", f.key(), v.all(), v.warm(), v.cold(), v.signUp());
        }
    }

    private MultiDataSet batchOf(List<UserExamples> users, List<int[]> picks, NormalizerStandardize normalizer) {
        int n = picks.size();
        float[][] dense = new float[n][];
        float[] user = new float[n];
        float[] movie = new float[n];
        float[][] genres = new float[n][];
        float[][] demographics = new float[n][];
        float[] labels = new float[n];
        float[] weights = new float[n];
        long[] ids = new long[n];
        for (int k = 0; k < n; k++) {
            UserExamples e = users.get(picks.get(k)[0]);
            int r = picks.get(k)[1];
            dense[k] = e.rows().dense()[r];
            user[k] = e.rows().user()[r];
            movie[k] = e.rows().movie()[r];
            genres[k] = e.rows().genres()[r];
            demographics[k] = e.rows().demographics()[r];
            labels[k] = e.labels()[r];
            weights[k] = e.signUp() ? (float) config.signUpWeight() : 1f;
            ids[k] = e.rows().movieIds()[r];
        }
        RankerInputs.Rows rows = new RankerInputs.Rows(ids, dense, user, movie, genres, demographics);
        // the label mask weighs each row's loss: DL4J multiplies the per-example score and gradient by it
        return new MultiDataSet(RankerModel.inputs(rows, normalizer, config.embeddingSize()),
                new INDArray[]{Nd4j.create(labels, n, 1)}, null, new INDArray[]{Nd4j.create(weights, n, 1)});
    }
}
