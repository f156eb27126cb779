package io.cinegraph.ranker;

import io.cinegraph.evaluation.Interaction;
import io.cinegraph.evaluation.Metrics;
import io.cinegraph.evaluation.Split;
import io.cinegraph.evaluation.Splitter;
import io.cinegraph.graph.FeatureRepository;
import io.cinegraph.graph.Graph;
import io.cinegraph.graph.IngestRepository;
import io.cinegraph.graph.SignalsRepository;
import io.cinegraph.graph.TemporaryGraph;
import io.cinegraph.ingest.Rows;
import io.cinegraph.signals.FeatureExtractor;
import io.cinegraph.signals.FeatureVector;
import io.cinegraph.signals.SignalJob;
import io.cinegraph.signals.SignalSnapshot;
import io.cinegraph.signals.SignalSnapshots;
import io.cinegraph.signals.SignalsConfig;
import io.cinegraph.support.Progress;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.jboss.logging.Logger;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;
import org.nd4j.linalg.factory.Nd4j;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Trains a {@link RankerModel} from a graph, using only the ratings in it (see docs/ranker.md):
 * <ol>
 *   <li>each user's latest {@code targetFraction} of ratings become targets, the rest their history;</li>
 *   <li>a temporary graph holds the history only and every graph signal is recomputed there, so no input of a
 *       training example has seen its target;</li>
 *   <li>per user: candidates from history, features (graph + model), label = is a target;</li>
 *   <li>the ranking network is fitted with early stopping on the validation NDCG@10 of held-out users;</li>
 *   <li>the rating model is fitted on every rating (out-of-fold inputs);</li>
 *   <li>the item-to-item index is refitted on every rating for serving.</li>
 * </ol>
 */
public final class RankerTrainer {

    private static final Logger LOG = Logger.getLogger(RankerTrainer.class);
    private static final int COPY_BATCH = 10_000;
    static final List<Integer> AGE_BANDS = List.of(1, 18, 25, 35, 45, 50, 56);

    private final RankerConfig config;
    private final SignalsConfig signalsConfig;

    public RankerTrainer(RankerConfig config, SignalsConfig signalsConfig) {
        this.config = config;
        this.signalsConfig = signalsConfig;
    }

    /** Everything read from the source graph. */
    private record Source(List<Interaction> ratings, List<Rows.UserRow> users, List<Rows.MovieRow> movies) {
    }

    /** Training examples of one user: input rows, labels, and the targets (for validation NDCG). */
    private record UserExamples(long userId, RankerInputs.Rows rows, float[] labels, Set<Long> targets) {
    }

    public RankerModel train(Graph graph) {
        long started = System.nanoTime();
        long seed = config.seed();
        Source source = read(graph);
        if (source.ratings().isEmpty()) {
            throw new IllegalStateException("The graph holds no ratings: import a dataset first (cinegraph import --path DIR)");
        }
        Split split = Splitter.lastFraction(config.targetFraction()).split(source.ratings());
        Map<Long, Set<Long>> targets = new HashMap<>();
        split.test().forEach(i -> targets.computeIfAbsent(i.userId(), u -> new HashSet<>()).add(i.movieId()));
        Collaborative historyIndex = Collaborative.fit(split.train(), config.easeLambda(), config.knnK(), config.maxItems());
        RankerSchema schema = schema(source, historyIndex);
        RankerSchema.Indexes indexes = schema.indexes();

        List<UserExamples> examples;
        try (TemporaryGraph history = new TemporaryGraph()) {
            copy(source, split.train(), history.graph());
            SignalsRepository signals = new SignalsRepository(history.graph());
            FeatureRepository features = new FeatureRepository(history.graph());
            SignalSnapshots snapshots = new SignalSnapshots(features, signals);
            new SignalJob(signals, signalsConfig, snapshots).recomputeAll();
            examples = examples(new FeatureExtractor(features, snapshots, signalsConfig), snapshots.current(),
                    historyIndex, schema, indexes, targets);
        }
        List<UserExamples> trainUsers = new ArrayList<>();
        List<UserExamples> validationUsers = new ArrayList<>();
        Random random = new Random(seed);
        for (UserExamples e : examples) {
            (random.nextDouble() < config.validationUsers() ? validationUsers : trainUsers).add(e);
        }
        Fitted fitted = fitRanking(trainUsers, validationUsers, schema, seed);
        Collaborative serving = Collaborative.fit(source.ratings(), config.easeLambda(), config.knnK(), config.maxItems());
        RatingModel.Fit ratings = RatingModel.fit(source.ratings(), indexes, serving, config, seed);
        Map<String, Double> validation = new LinkedHashMap<>();
        validation.put("ndcg@10", fitted.validationNdcg());
        validation.put("ratingRmse", ratings.validationRmse());
        validation.put("epochs", (double) fitted.epochs());
        validation.put("trainingExamples", (double) fitted.examples());
        double seconds = (System.nanoTime() - started) / 1e9;
        ModelInfo info = new ModelInfo(version(), DateTimeFormatter.ISO_INSTANT.format(Instant.now()),
                fingerprint(source.ratings()), source.ratings().size(), source.users().size(), source.movies().size(),
                hyperParameters(), validation, seconds);
        LOG.infof("Ranker trained in %.1f s: validation NDCG@10 %.4f (epoch %d), rating RMSE %.4f",
                seconds, fitted.validationNdcg(), fitted.epochs(), ratings.validationRmse());
        return new RankerModel(info, schema, fitted.network(), fitted.normalizer(), serving, ratings.model());
    }

    private static Source read(Graph graph) {
        IngestRepository repository = new IngestRepository(graph);
        List<Interaction> ratings = new ArrayList<>();
        repository.exportRatings(r -> ratings.add(new Interaction(r.userId(), r.movieId(), r.rating(), r.ratedAt())));
        ratings.sort(java.util.Comparator.comparingLong(Interaction::userId).thenComparing(Interaction.CHRONOLOGICAL));
        List<Rows.UserRow> users = new ArrayList<>();
        repository.exportUsers(users::add);
        List<Rows.MovieRow> movies = new ArrayList<>();
        repository.exportMovies(movies::add);
        return new Source(List.copyOf(ratings), users, movies);
    }

    /** Vocabularies: every user, the movies of the history catalogue, every genre and demographic value. */
    private static RankerSchema schema(Source source, Collaborative history) {
        TreeSet<String> genres = new TreeSet<>();
        source.movies().forEach(m -> genres.addAll(m.genres()));
        TreeSet<String> genders = new TreeSet<>();
        TreeSet<String> occupations = new TreeSet<>();
        List<Long> users = new ArrayList<>();
        for (Rows.UserRow u : source.users()) {
            users.add(u.userId());
            if (u.gender() != null) {
                genders.add(u.gender());
            }
            if (u.occupation() != null) {
                occupations.add(u.occupation());
            }
        }
        Collections.sort(users);
        List<Long> movies = new ArrayList<>();
        for (int i = 0; i < history.items(); i++) {
            movies.add(history.movieId(i));
        }
        return new RankerSchema(RankerSchema.currentDenseFeatures(), users, movies, List.copyOf(genres), List.copyOf(genders),
                AGE_BANDS, List.copyOf(occupations));
    }

    /** Movies, users and the given ratings into an empty graph. */
    private static void copy(Source source, List<Interaction> ratings, Graph target) {
        IngestRepository to = new IngestRepository(target);
        batches(source.movies(), 1_000, to::mergeMovies);
        batches(source.users(), 1_000, to::mergeUsers);
        List<Rows.RatingRow> rows = ratings.stream()
                .map(i -> new Rows.RatingRow(i.userId(), i.movieId(), i.rating(), i.timestamp())).toList();
        try (Progress progress = Progress.items("Copying history ratings", rows.size(), " ratings")) {
            for (int from = 0; from < rows.size(); from += COPY_BATCH) {
                to.createRatings(rows.subList(from, Math.min(rows.size(), from + COPY_BATCH)));
                progress.stepTo(from + COPY_BATCH);
            }
        }
    }

    private static <T> void batches(List<T> rows, int size, Consumer<List<T>> write) {
        for (int from = 0; from < rows.size(); from += size) {
            write.accept(rows.subList(from, Math.min(rows.size(), from + size)));
        }
    }

    private List<UserExamples> examples(FeatureExtractor extractor, SignalSnapshot snapshot, Collaborative index,
                                        RankerSchema schema, RankerSchema.Indexes indexes, Map<Long, Set<Long>> targets) {
        List<Long> users = new ArrayList<>(new TreeSet<>(targets.keySet()));
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
        try (Progress progress = Progress.items("Training examples", users.size(), " users")) {
            List<Future<UserExamples>> futures = new ArrayList<>();
            for (long userId : users) {
                futures.add(pool.submit(() -> {
                    UserExamples e = userExamples(userId, extractor, snapshot, index, schema, indexes, targets.get(userId));
                    progress.step();
                    return e;
                }));
            }
            List<UserExamples> out = new ArrayList<>();
            for (Future<UserExamples> f : futures) {
                UserExamples e = f.get();
                if (e != null) {
                    out.add(e);
                }
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while building training examples", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private UserExamples userExamples(long userId, FeatureExtractor extractor, SignalSnapshot snapshot, Collaborative index,
                                      RankerSchema schema, RankerSchema.Indexes indexes, Set<Long> targets) {
        FeatureRepository.UserRequest request = extractor.request(userId).orElse(null);
        if (request == null || request.ratings().isEmpty()) {
            return null;
        }
        RankerInputs.UserContext context = RankerInputs.context(userId, request, snapshot, index, signalsConfig.historySize());
        List<Long> candidates = RankerInputs.candidates(context, snapshot, index, config.candidatesByEase(),
                config.candidatesByCosine(), config.candidatesByRecentPopularity());
        List<FeatureVector> vectors = extractor.extract(request, candidates, snapshot);
        RankerInputs.Rows rows = RankerInputs.rows(context, vectors, snapshot, index, schema, indexes);
        float[] labels = new float[rows.size()];
        for (int r = 0; r < labels.length; r++) {
            labels[r] = targets.contains(rows.movieIds()[r]) ? 1 : 0;
        }
        return new UserExamples(userId, rows, labels, targets);
    }

    private record Fitted(ComputationGraph network, NormalizerStandardize normalizer, double validationNdcg, int epochs,
                          long examples) {
    }

    private Fitted fitRanking(List<UserExamples> train, List<UserExamples> validation, RankerSchema schema, long seed) {
        List<int[]> index = new ArrayList<>();
        for (int u = 0; u < train.size(); u++) {
            for (int r = 0; r < train.get(u).rows().size(); r++) {
                index.add(new int[]{u, r});
            }
        }
        float[][] allDense = new float[index.size()][];
        for (int n = 0; n < allDense.length; n++) {
            allDense[n] = train.get(index.get(n)[0]).rows().dense()[index.get(n)[1]];
        }
        NormalizerStandardize normalizer = new NormalizerStandardize();
        normalizer.fit(new DataSet(Nd4j.create(allDense), Nd4j.zeros(allDense.length, 1)));
        ComputationGraph network = Networks.ranking(schema, config, seed);
        Random random = new Random(seed);
        double best = -1;
        INDArray bestParams = null;
        int bestEpoch = 0;
        int batch = config.batchSize();
        for (int epoch = 1; epoch <= config.maxEpochs(); epoch++) {
            Collections.shuffle(index, random);
            double lossSum = 0;
            int batches = 0;
            try (Progress progress = Progress.items("Ranker epoch " + epoch, index.size(), " examples")) {
                for (int from = 0; from < index.size(); from += batch) {
                    List<int[]> picks = index.subList(from, Math.min(index.size(), from + batch));
                    network.fit(batchOf(train, picks, normalizer));
                    lossSum += network.score();
                    batches++;
                    progress.stepTo(from + picks.size());
                }
                double ndcg = validationNdcg(network, normalizer, validation);
                progress.message(String.format(java.util.Locale.ROOT, "loss %.4f, validation NDCG@10 %.4f",
                        lossSum / batches, ndcg));
                LOG.infof("Ranker epoch %d: loss %.4f, validation NDCG@10 %.4f", epoch, lossSum / batches, ndcg);
                if (ndcg > best + 1e-5) {
                    best = ndcg;
                    bestParams = network.params().dup();
                    bestEpoch = epoch;
                } else if (epoch - bestEpoch >= config.patience()) {
                    break;
                }
            }
        }
        if (bestParams != null) {
            network.setParams(bestParams);
        }
        return new Fitted(network, normalizer, best, bestEpoch, index.size());
    }

    private static MultiDataSet batchOf(List<UserExamples> users, List<int[]> picks, NormalizerStandardize normalizer) {
        int n = picks.size();
        RankerInputs.Rows first = users.get(picks.get(0)[0]).rows();
        float[][] dense = new float[n][];
        float[] user = new float[n];
        float[] movie = new float[n];
        float[][] genres = new float[n][];
        float[][] demographics = new float[n][];
        float[] labels = new float[n];
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
            ids[k] = e.rows().movieIds()[r];
        }
        RankerInputs.Rows rows = new RankerInputs.Rows(ids, dense, user, movie, genres, demographics);
        return new MultiDataSet(RankerModel.inputs(rows, normalizer), new INDArray[]{Nd4j.create(labels, n, 1)});
    }

    /** Mean NDCG@10 of the validation users' targets when their candidates are ranked by the network. */
    static double validationNdcg(ComputationGraph network, NormalizerStandardize normalizer, List<UserExamples> users) {
        if (users.isEmpty()) {
            return 0;
        }
        double sum = 0;
        for (UserExamples e : users) {
            float[] scores = network.output(false, RankerModel.inputs(e.rows(), normalizer))[0].toFloatVector();
            sum += Metrics.ndcg(ranked(e.rows().movieIds(), scores), e.targets(), 10);
        }
        return sum / users.size();
    }

    /** Movie ids by score descending, ties by id. */
    static List<Long> ranked(long[] movieIds, float[] scores) {
        Integer[] order = new Integer[movieIds.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (p, q) -> scores[p] != scores[q] ? Float.compare(scores[q], scores[p])
                : Long.compare(movieIds[p], movieIds[q]));
        List<Long> out = new ArrayList<>(order.length);
        for (Integer i : order) {
            out.add(movieIds[i]);
        }
        return out;
    }

    private Map<String, Object> hyperParameters() {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("seed", config.seed());
        h.put("targetFraction", config.targetFraction());
        h.put("validationUsers", config.validationUsers());
        h.put("candidatesByEase", config.candidatesByEase());
        h.put("candidatesByCosine", config.candidatesByCosine());
        h.put("candidatesByRecentPopularity", config.candidatesByRecentPopularity());
        h.put("easeLambda", config.easeLambda());
        h.put("knnK", config.knnK());
        h.put("maxItems", config.maxItems());
        h.put("embeddingSize", config.embeddingSize());
        h.put("hidden", config.hidden());
        h.put("learningRate", config.learningRate());
        h.put("l2", config.l2());
        h.put("batchSize", config.batchSize());
        h.put("maxEpochs", config.maxEpochs());
        h.put("patience", config.patience());
        h.put("ratingEpochs", config.ratingEpochs());
        h.put("historySize", signalsConfig.historySize());
        return h;
    }

    /** A sortable version name: the UTC training time to the millisecond. */
    private static String version() {
        return DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC).format(Instant.now());
    }

    /** SHA-256 over the (user, movie, rating, time) of every rating, in a fixed order; first 16 hex digits. */
    static String fingerprint(List<Interaction> ratings) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<Interaction> sorted = new ArrayList<>(ratings);
            sorted.sort(java.util.Comparator.comparingLong(Interaction::userId).thenComparingLong(Interaction::movieId));
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(32);
            for (Interaction i : sorted) {
                buffer.clear();
                buffer.putLong(i.userId()).putLong(i.movieId()).putDouble(i.rating()).putLong(i.timestamp());
                digest.update(buffer.array());
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
