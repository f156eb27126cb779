package io.cinegraph.ranker;

import io.cinegraph.graph.GraphData;

import io.cinegraph.model.Collaborative;

import io.cinegraph.domain.Interaction;
import io.cinegraph.evaluation.Metrics;
import io.cinegraph.evaluation.Split;
import io.cinegraph.evaluation.Splitter;
import io.cinegraph.graph.FeatureRepository;
import io.cinegraph.graph.Graph;
import io.cinegraph.graph.SignalsRepository;
import io.cinegraph.graph.TemporaryGraph;
import io.cinegraph.domain.Rows;
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

/**
 * Trains a {@link RankerModel} from a graph, using only the ratings in it (see docs/ranker.md):
 * <ol>
 *   <li>each user's latest {@code targetFraction} of ratings become targets, the rest their history; a seeded
 *       share of users are made cold instead: their first few ratings are history, all the later ones targets
 *       (see {@link Cut});</li>
 *   <li>a temporary graph holds the history only and every graph signal is recomputed there, so no input of a
 *       training example has seen its target;</li>
 *   <li>per user: candidates from history, features (graph + model), label = is a target;</li>
 *   <li>the ranking network is fitted with early stopping on a validation slice held out by time: each user's
 *       latest target, and a seeded share of the cold users (see {@link #validationUser}); users outside the
 *       user vocabulary feed a zero vector instead of an embedding, as new users do;</li>
 *   <li>the rating model is fitted on every rating (out-of-fold inputs);</li>
 *   <li>the item-to-item index is refitted on every rating for serving.</li>
 * </ol>
 */
public final class RankerTrainer {

    private static final Logger LOG = Logger.getLogger(RankerTrainer.class);
    /** Share of training users whose examples use the unknown-user embedding. */
    static final double UNKNOWN_USER_SHARE = 0.1;
    /** Share of users made cold in training (see {@link Cut}). */
    static final double COLD_START_SHARE = 0.2;
    /** A cold user keeps between 1 and this many of their first ratings. */
    static final int COLD_KEEP = 5;
    /** A user id outside every vocabulary: examples built with it use no user embedding. */
    private static final long ANONYMOUS = Long.MIN_VALUE;
    /** Users with fewer ratings get no embedding of their own: they feed the network a zero vector. */
    static final int MIN_EMBEDDED_RATINGS = 10;
    static final List<Integer> AGE_BANDS = List.of(1, 18, 25, 35, 45, 50, 56);

    private final RankerConfig config;
    private final SignalsConfig signalsConfig;

    public RankerTrainer(RankerConfig config, SignalsConfig signalsConfig) {
        this.config = config;
        this.signalsConfig = signalsConfig;
    }

    /** Training examples of one user: input rows, labels, and the targets (for validation NDCG). */
    private record UserExamples(long userId, RankerInputs.Rows rows, float[] labels, Set<Long> targets,
                                Set<Long> heldOut, boolean cold, boolean signUp) {
        /** What validation ranks against: the held-out latest targets, or all targets of a held-out cold user. */
        Set<Long> relevant() {
            return heldOut.isEmpty() ? targets : heldOut;
        }

        /** What validation leaves out of the ranking: the earlier targets, which come before the held-out ones. */
        Set<Long> excluded() {
            return heldOut.isEmpty() ? Set.of() : targets;
        }
    }

    public RankerModel train(Graph graph) {
        long started = System.nanoTime();
        long seed = config.seed();
        GraphData source = GraphData.read(graph);
        if (source.ratings().isEmpty()) {
            throw new IllegalStateException("The graph holds no ratings: import a dataset first (cinegraph import --path DIR)");
        }
        Cut cut = cut(source.ratings());
        Collaborative historyIndex = Collaborative.fit(cut.history(), config.itemIndex());
        RankerSchema schema = schema(source, historyIndex, cut);
        RankerSchema.Indexes indexes = schema.indexes();

        List<UserExamples> examples;
        try (TemporaryGraph history = new TemporaryGraph()) {
            source.copyInto(history.graph(), cut.history());
            SignalsRepository signals = new SignalsRepository(history.graph());
            FeatureRepository features = new FeatureRepository(history.graph());
            SignalSnapshots snapshots = new SignalSnapshots(features, signals);
            new SignalJob(signals, signalsConfig, snapshots).recomputeAll();
            examples = examples(new FeatureExtractor(features, snapshots, signalsConfig), snapshots.current(),
                    historyIndex, schema, indexes, cut);
        }
        List<UserExamples> trainUsers = new ArrayList<>();
        List<UserExamples> validationUsers = new ArrayList<>();
        for (UserExamples e : examples) {
            if (cut.cold().contains(e.userId()) && validationUser(e.userId())) {
                validationUsers.add(e);
            } else {
                trainUsers.add(e);
                if (!e.heldOut().isEmpty()) {
                    validationUsers.add(e);
                }
            }
        }
        Fitted fitted = fitRanking(trainUsers, validationUsers, schema, seed);
        Collaborative serving = Collaborative.fit(source.ratings(), config.itemIndex());
        RatingModel.Fit ratings = RatingModel.fit(source.ratings(), indexes.ratingUser, serving, config, seed);
        Map<String, Double> validation = new LinkedHashMap<>();
        validation.put("ndcg@10", fitted.validation().all());
        validation.put("ndcg@10 users with history", fitted.validation().warm());
        validation.put("ndcg@10 cold users", fitted.validation().cold());
        validation.put("ndcg@10 sign-ups", fitted.validation().signUp());
        validation.put("ndcg@10 balanced", fitted.validation().balanced());
        validation.put("ratingRmse", ratings.validationRmse());
        validation.put("epochs", (double) fitted.epochs());
        validation.put("trainingExamples", (double) fitted.examples());
        double seconds = (System.nanoTime() - started) / 1e9;
        ModelInfo info = new ModelInfo(version(), DateTimeFormatter.ISO_INSTANT.format(Instant.now()),
                fingerprint(source.ratings()), source.ratings().size(), source.users().size(), source.movies().size(),
                hyperParameters(), validation, seconds);
        LOG.infof("Ranker trained in %.1f s: validation NDCG@10 %.4f (epoch %d), rating RMSE %.4f",
                seconds, fitted.validation().all(), fitted.epochs(), ratings.validationRmse());
        return new RankerModel(info, schema, fitted.network(), fitted.normalizer(), serving, ratings.model());
    }

    /**
     * How the ratings are divided for training. Most users: their latest {@code targetFraction} of ratings are
     * targets, the rest history. A seeded {@link #COLD_START_SHARE} of users with at least
     * {@code 2 × COLD_KEEP} ratings are made cold: only their first 1–{@link #COLD_KEEP} ratings (a seeded count)
     * stay in the history graph, and all their later ratings are targets, which is what a new user's
     * recommendations are judged on. {@code all} is every user's ratings, oldest first.
     */
    record Cut(List<Interaction> history, Map<Long, Set<Long>> targets, Map<Long, Set<Long>> heldOut, Set<Long> cold,
               Map<Long, List<Interaction>> all) {
    }

    Cut cut(List<Interaction> ratings) {
        Map<Long, List<Interaction>> all = new java.util.TreeMap<>();
        ratings.forEach(i -> all.computeIfAbsent(i.userId(), u -> new ArrayList<>()).add(i));
        Split split = Splitter.lastFraction(config.targetFraction()).split(ratings);
        Set<Long> cold = new HashSet<>();
        Map<Long, Set<Long>> targets = new HashMap<>();
        List<Interaction> history = new ArrayList<>();
        for (Map.Entry<Long, List<Interaction>> e : all.entrySet()) {
            e.getValue().sort(Interaction.CHRONOLOGICAL);
            long userId = e.getKey();
            if (e.getValue().size() >= 2 * COLD_KEEP
                    && new Random(mix(config.seed() + 17, userId)).nextDouble() < COLD_START_SHARE) {
                cold.add(userId);
                int keep = 1 + (int) Math.floorMod(mix(config.seed() + 23, userId), (long) COLD_KEEP);
                history.addAll(e.getValue().subList(0, keep));
                e.getValue().subList(keep, e.getValue().size())
                        .forEach(i -> targets.computeIfAbsent(userId, u -> new HashSet<>()).add(i.movieId()));
            }
        }
        split.train().stream().filter(i -> !cold.contains(i.userId())).forEach(history::add);
        split.test().stream().filter(i -> !cold.contains(i.userId()))
                .forEach(i -> targets.computeIfAbsent(i.userId(), u -> new HashSet<>()).add(i.movieId()));
        Map<Long, Set<Long>> heldOut = new HashMap<>();
        targets.forEach((userId, t) -> {
            if (!cold.contains(userId) && t.size() >= 2) {
                // the user's latest target (their ratings are oldest first)
                List<Interaction> inTargets = all.get(userId).stream().filter(i -> t.contains(i.movieId())).toList();
                heldOut.put(userId, Set.of(inTargets.get(inTargets.size() - 1).movieId()));
            }
        });
        return new Cut(history, targets, heldOut, cold, all);
    }

    /**
     * The rating model alone, fitted in memory on {@code train} (no graph needed), predicting {@code test}: for
     * rating-prediction protocols such as ml-100k's u1–u5 folds.
     */
    public double[] ratingPredictions(List<Interaction> train, List<Interaction> test) {
        Collaborative catalogue = Collaborative.fit(train, config.itemIndex());
        List<Long> users = train.stream().map(Interaction::userId).distinct().sorted().toList();
        List<Long> movies = new ArrayList<>();
        for (int i = 0; i < catalogue.items(); i++) {
            movies.add(catalogue.movieId(i));
        }
        RankerSchema.Indexes indexes = new RankerSchema(RankerSchema.currentDenseFeatures(), users, users, movies,
                List.of(), List.of(), AGE_BANDS, List.of()).indexes();
        RatingModel model = RatingModel.fit(train, indexes.ratingUser, catalogue, config, config.seed()).model();
        Map<Long, Map<Long, Double>> byUser = RatingModel.byUser(train);
        double[] out = new double[test.size()];
        for (int t = 0; t < test.size(); t++) {
            Interaction i = test.get(t);
            out[t] = model.predict(i.userId(), indexes.ratingUser.getOrDefault(i.userId(), 0),
                    byUser.getOrDefault(i.userId(), Map.of()), new long[]{i.movieId()}, catalogue)[0];
        }
        return out;
    }

    /** A seeded draw per user: a cold user drawn is held out whole for validation (early stopping). */
    private boolean validationUser(long userId) {
        return new Random(mix(config.seed() + 1, userId)).nextDouble() < config.validationUsers();
    }

    /**
     * Users outside the ranking network's user vocabulary: the cold users held out for validation, users with
     * fewer than {@link #MIN_EMBEDDED_RATINGS} ratings, and a seeded share of the others. They feed a zero vector
     * instead of an embedding, in training and when scored later, so that path (which serves new users) is
     * fitted, and no user is ever scored through an embedding that was never trained.
     */
    private boolean unknownUser(long userId, Cut cut) {
        return (cut.cold().contains(userId) && validationUser(userId))
                || cut.all().getOrDefault(userId, List.of()).size() < MIN_EMBEDDED_RATINGS
                || new Random(mix(config.seed() + 2, userId)).nextDouble() < UNKNOWN_USER_SHARE;
    }

    /**
     * Vocabularies: the users with a trained embedding (ranking) and every user (rating), the movies of the
     * history catalogue, every genre and demographic value.
     */
    private RankerSchema schema(GraphData source, Collaborative history, Cut cut) {
        TreeSet<String> genres = new TreeSet<>();
        source.movies().forEach(m -> genres.addAll(m.genres()));
        TreeSet<String> genders = new TreeSet<>();
        TreeSet<String> occupations = new TreeSet<>();
        List<Long> users = new ArrayList<>();
        List<Long> ratingUsers = new ArrayList<>();
        for (Rows.UserRow u : source.users()) {
            ratingUsers.add(u.userId());
            if (!unknownUser(u.userId(), cut)) {
                users.add(u.userId());
            }
            if (u.gender() != null) {
                genders.add(u.gender());
            }
            if (u.occupation() != null) {
                occupations.add(u.occupation());
            }
        }
        Collections.sort(users);
        Collections.sort(ratingUsers);
        List<Long> movies = new ArrayList<>();
        for (int i = 0; i < history.items(); i++) {
            movies.add(history.movieId(i));
        }
        return new RankerSchema(RankerSchema.currentDenseFeatures(), users, ratingUsers, movies, List.copyOf(genres),
                List.copyOf(genders),
                AGE_BANDS, List.copyOf(occupations));
    }

    private List<UserExamples> examples(FeatureExtractor extractor, SignalSnapshot snapshot, Collaborative index,
                                        RankerSchema schema, RankerSchema.Indexes indexes, Cut cut) {
        List<Long> users = new ArrayList<>(new TreeSet<>(cut.targets().keySet()));
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
        try (Progress progress = Progress.items("Training examples", users.size(), " users")) {
            List<Future<List<UserExamples>>> futures = new ArrayList<>();
            for (long userId : users) {
                futures.add(pool.submit(() -> {
                    List<UserExamples> e = userExamples(userId, extractor, snapshot, index, schema, indexes, cut);
                    progress.step();
                    return e;
                }));
            }
            List<UserExamples> out = new ArrayList<>();
            for (Future<List<UserExamples>> f : futures) {
                out.addAll(f.get());
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

    /**
     * The user's examples. A user with history gives one: their latest target held out for validation, the
     * earlier ones as labels. A cold user (see {@link Cut}) gives up to four, all with all their later
     * ratings as targets: through the zero vector, as the graph sees them (their first few ratings, signals and
     * neighbours computed on them) with and without three liked genres stated at sign-up; through their own
     * embedding if they have one; and as a brand-new sign-up with their demographics and those genres only, whose
     * targets are all their ratings. The liked genres are their most frequent genres among the movies they rated
     * at least their mean. So the network learns to serve new users and users with a handful of ratings on the
     * task they are judged on, as the service presents them (see {@code RecommendationService}).
     */
    private List<UserExamples> userExamples(long userId, FeatureExtractor extractor, SignalSnapshot snapshot,
                                            Collaborative index, RankerSchema schema, RankerSchema.Indexes indexes,
                                            Cut cut) {
        FeatureRepository.UserRequest request = extractor.request(userId).orElse(null);
        Set<Long> targets = cut.targets().get(userId);
        if (request == null || request.ratings().isEmpty()) {
            return List.of();
        }
        if (!cut.cold().contains(userId)) {
            Set<Long> heldOut = cut.heldOut().getOrDefault(userId, Set.of());
            Set<Long> earlier = new HashSet<>(targets);
            earlier.removeAll(heldOut);
            return List.of(examples(userId, request, extractor, snapshot, index, schema, indexes, earlier, heldOut, false,
                    false));
        }
        StatedPreferences likes = new StatedPreferences(likedGenres(cut.all().get(userId), snapshot), List.of());
        List<UserExamples> out = new ArrayList<>();
        out.add(examples(userId, likes.apply(request, snapshot.global().ratingMax(), snapshot.global().latestRatedAt()),
                extractor, snapshot, index, schema, indexes, targets, Set.of(), true, false));
        out.add(examples(userId, request, extractor, snapshot, index, schema, indexes, targets, Set.of(), true,
                false));
        if (indexes.user.containsKey(userId)) {
            // and once through their own embedding, which so learns their taste from all their later ratings
            out.add(examples(userId, request, extractor, snapshot, index, schema, indexes, targets, Set.of(),
                    false, false));
        }
        FeatureRepository.UserRequest stated = likes.apply(StatedPreferences.demographicsOnly(request),
                snapshot.global().ratingMax(), snapshot.global().latestRatedAt());
        Set<Long> everyRating = new HashSet<>(targets);
        request.ratings().forEach(r -> everyRating.add(r.movieId()));
        out.add(examples(userId, stated, extractor, snapshot, index, schema, indexes, everyRating, Set.of(),
                true, true));
        return out;
    }

    /** The three genres a user would state: the most frequent among the movies they rated at least their mean. */
    private static List<String> likedGenres(List<Interaction> ratings, SignalSnapshot snapshot) {
        double mean = ratings.stream().mapToDouble(Interaction::rating).average().orElse(0);
        Map<String, Integer> liked = new java.util.TreeMap<>();
        for (Interaction i : ratings) {
            SignalSnapshot.MovieSignals m = snapshot.movie(i.movieId());
            if (m != null && i.rating() >= mean) {
                m.genres().forEach(g -> liked.merge(g, 1, Integer::sum));
            }
        }
        return StatedPreferences.mostFrequent(liked, 3);
    }

    private UserExamples examples(long userId, FeatureRepository.UserRequest request, FeatureExtractor extractor,
                                  SignalSnapshot snapshot, Collaborative index, RankerSchema schema,
                                  RankerSchema.Indexes indexes, Set<Long> targets, Set<Long> heldOut, boolean cold,
                                  boolean signUp) {
        // cold users' examples go through the zero (no-embedding) slot, as new users do
        RankerInputs.UserContext context = RankerInputs.context(cold ? ANONYMOUS : userId, request, snapshot, index,
                signalsConfig.historySize());
        List<Long> candidates = RankerInputs.candidates(context, snapshot, index, config);
        List<Long> movies = new ArrayList<>(candidates);
        movies.addAll(randomNegatives(userId, candidates, context.rated(), index));
        List<FeatureVector> vectors = extractor.extract(request, movies, snapshot);
        RankerInputs.Rows rows = RankerInputs.rows(context, vectors, snapshot, index, schema, indexes);
        float[] labels = new float[rows.size()];
        for (int r = 0; r < labels.length; r++) {
            labels[r] = targets.contains(rows.movieIds()[r]) ? 1 : 0;
        }
        return new UserExamples(userId, rows, labels, targets, heldOut, cold, signUp);
    }

    /**
     * {@code randomNegatives} movies drawn uniformly (seeded per user) from the catalogue outside the candidates
     * and the user's ratings, so that the network also learns to rank the long tail below the candidates when
     * it scores a whole catalogue (evaluation's full ranking). Targets drawn this way keep their label 1.
     */
    private List<Long> randomNegatives(long userId, List<Long> candidates, Set<Long> rated, Collaborative index) {
        Set<Long> taken = new HashSet<>(candidates);
        taken.addAll(rated);
        List<Long> pool = new ArrayList<>();
        for (int i = 0; i < index.items(); i++) {
            if (!taken.contains(index.movieId(i))) {
                pool.add(index.movieId(i));
            }
        }
        Collections.shuffle(pool, new Random(mix(config.seed(), userId)));
        return pool.subList(0, Math.min(config.randomNegatives(), pool.size()));
    }

    /**
     * A per-user seed: splitmix64's finalizer over (seed, user), because {@link Random}'s first draws for
     * consecutive seeds are strongly correlated.
     */
    static long mix(long seed, long userId) {
        long x = seed * 0x9E3779B97F4A7C15L + userId;
        x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        return x ^ (x >>> 31);
    }

    private record Fitted(ComputationGraph network, NormalizerStandardize normalizer, Validation validation, int epochs,
                          long examples) {
    }

    private Fitted fitRanking(List<UserExamples> train, List<UserExamples> validation, RankerSchema schema, long seed) {
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
        for (io.cinegraph.signals.Feature f : List.of(io.cinegraph.signals.Feature.LOG_POPULARITY,
                io.cinegraph.signals.Feature.COHORT_POPULARITY)) {
            Validation v = validate(validation, e -> {
                float[] scores = new float[e.rows().size()];
                for (int r = 0; r < scores.length; r++) {
                    scores[r] = e.rows().dense()[r][f.ordinal()];
                }
                return scores;
            });
            LOG.infof("Validation slice ranked by %s alone: NDCG@10 %.4f (users with history %.4f, cold users with a few "
                    + "ratings %.4f, as sign-ups %.4f)", f.key(), v.all(), v.warm(), v.cold(), v.signUp());
        }
        Random random = new Random(seed);
        EarlyStopping stopping = new EarlyStopping(network, config.patience(), true);
        int batch = config.batchSize();
        INDArray average = null;
        Validation best = new Validation(0, 0, 0, 0, 0);
        for (int epoch = 1; epoch <= config.maxEpochs(); epoch++) {
            Collections.shuffle(index, random);
            double lossSum = 0;
            int batches = 0;
            try (Progress progress = Progress.items("Ranker epoch " + epoch, index.size(), " examples")) {
                for (int from = 0; from < index.size(); from += batch) {
                    List<int[]> picks = index.subList(from, Math.min(index.size(), from + batch));
                    network.fit(batchOf(train, picks, normalizer, config.embeddingSize(), config.signUpWeight()));
                    lossSum += network.score();
                    batches++;
                    progress.stepTo(from + picks.size());
                }
                // validation and early stopping judge the running average of the parameters over the epochs so
                // far (stochastic weight averaging): single epochs' parameters jump around one minimum
                INDArray current = network.params().dup();
                average = average == null ? current.dup() : average.muli(epoch - 1).addi(current).divi(epoch);
                network.setParams(average);
                Validation v = validate(network, normalizer, validation);
                double ndcg = v.balanced();
                progress.message(String.format(java.util.Locale.ROOT, "loss %.4f, validation NDCG@10 %.4f",
                        lossSum / batches, ndcg));
                LOG.infof("Ranker epoch %d: loss %.4f, validation NDCG@10 %.4f (users with history %.4f, cold users "
                                + "with a few ratings %.4f, as sign-ups %.4f)", epoch, lossSum / batches, ndcg, v.warm(),
                        v.cold(), v.signUp());
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
        stopping.restoreBest();
        return new Fitted(network, normalizer, best, stopping.bestEpoch(), index.size());
    }

    private static MultiDataSet batchOf(List<UserExamples> users, List<int[]> picks, NormalizerStandardize normalizer,
                                        int userEmbeddingSize, double signUpWeight) {
        int n = picks.size();
        RankerInputs.Rows first = users.get(picks.get(0)[0]).rows();
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
            weights[k] = e.signUp() ? (float) signUpWeight : 1f;
            ids[k] = e.rows().movieIds()[r];
        }
        RankerInputs.Rows rows = new RankerInputs.Rows(ids, dense, user, movie, genres, demographics);
        // the label mask weighs each row's loss: DL4J multiplies the per-example score and gradient by it
        return new MultiDataSet(RankerModel.inputs(rows, normalizer, userEmbeddingSize),
                new INDArray[]{Nd4j.create(labels, n, 1)}, null, new INDArray[]{Nd4j.create(weights, n, 1)});
    }

    /**
     * Mean validation NDCG@10: over every validation example, per kind of user (with history, cold with a few
     * ratings, sign-up), and {@code balanced}, the mean of the kinds present. Early stopping judges
     * {@code balanced}: users with history far outnumber the others in the slice, and their best epoch is not the
     * cold users' (those keep improving after users with history peak), while the service serves all three.
     */
    record Validation(double all, double warm, double cold, double signUp, double balanced) {
    }

    /** Ranks each validation example's rows with the network and measures NDCG@10 of its relevant movies. */
    private static Validation validate(ComputationGraph network, NormalizerStandardize normalizer,
                                       List<UserExamples> users) {
        int userEmbeddingSize = Networks.userEmbeddingSize(network);
        return validate(users, e -> network.output(false, RankerModel.inputs(e.rows(), normalizer, userEmbeddingSize))[0]
                .toFloatVector());
    }

    /** Ranks each validation example's rows by {@code scorer} and measures NDCG@10 of its relevant movies. */
    private static Validation validate(List<UserExamples> users, java.util.function.Function<UserExamples, float[]> scorer) {
        double[] sums = new double[4];
        int[] counts = new int[4];
        for (UserExamples e : users) {
            double ndcg = ndcg(e, scorer.apply(e));
            int kind = !e.cold() ? 1 : e.signUp() ? 3 : 2;
            sums[0] += ndcg;
            counts[0]++;
            sums[kind] += ndcg;
            counts[kind]++;
        }
        double[] means = new double[4];
        for (int k = 0; k < 4; k++) {
            means[k] = counts[k] == 0 ? 0 : sums[k] / counts[k];
        }
        double balanced = 0;
        int kinds = 0;
        for (int k = 1; k < 4; k++) {
            if (counts[k] > 0) {
                balanced += means[k];
                kinds++;
            }
        }
        return new Validation(means[0], means[1], means[2], means[3], kinds == 0 ? 0 : balanced / kinds);
    }

    /** NDCG@10 of the user's relevant movies when their rows, minus the excluded ones, are ranked by the scores. */
    private static double ndcg(UserExamples e, float[] scores) {
        List<Long> ranking = ranked(e.rows().movieIds(), scores);
        if (!e.excluded().isEmpty()) {
            ranking = ranking.stream().filter(m -> !e.excluded().contains(m)).toList();
        }
        return Metrics.ndcg(ranking, e.relevant(), 10);
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
        h.put("candidatesByPopularity", config.candidatesByPopularity());
        h.put("candidatesBySession", config.candidatesBySession());
        h.put("sessionGapSeconds", config.sessionGapSeconds());
        h.put("signUpWeight", config.signUpWeight());
        h.put("candidatesByRecentPopularity", config.candidatesByRecentPopularity());
        h.put("randomNegatives", config.randomNegatives());
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
