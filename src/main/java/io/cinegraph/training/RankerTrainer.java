package io.cinegraph.training;

import io.cinegraph.domain.AgeBands;
import io.cinegraph.domain.Interaction;
import io.cinegraph.domain.Rows;
import io.cinegraph.graph.Graph;
import io.cinegraph.graph.GraphData;
import io.cinegraph.model.Collaborative;
import io.cinegraph.ranker.ModelInfo;
import io.cinegraph.ranker.RankerConfig;
import io.cinegraph.ranker.RankerModel;
import io.cinegraph.ranker.RankerSchema;
import io.cinegraph.ranker.RatingModel;
import io.cinegraph.signals.SignalGraph;
import io.cinegraph.signals.SignalsConfig;
import io.cinegraph.support.Futures;
import io.cinegraph.support.Seeds;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * Trains a {@link RankerModel} from a graph's content, using only the ratings given (see docs/ranker.md):
 * <ol>
 *   <li>the ratings are cut into history and targets ({@link TrainingCut});</li>
 *   <li>a temporary graph holds the history only and every graph signal is recomputed there, so no input of a
 *       training example has seen its target;</li>
 *   <li>per user: candidates from history, features (graph + model), label = is a target ({@link ExampleBuilder});</li>
 *   <li>the ranking network is fitted with early stopping on a validation slice held out by time: each user's
 *       latest target, and a seeded share of the cold users ({@link RankingFit}); users outside the user
 *       vocabulary feed a zero vector instead of an embedding, as new users do;</li>
 *   <li>the rating model is fitted on every rating (out-of-fold inputs);</li>
 *   <li>the item-to-item index is refitted on every rating for serving.</li>
 * </ol>
 */
public final class RankerTrainer {

    /** Called with the trained model while the history graph (signals of the training history only) is open. */
    @FunctionalInterface
    public interface HistoryCheck {
        void accept(RankerModel trained, SignalGraph history);
    }

    private static final Logger LOG = Logger.getLogger(RankerTrainer.class);
    /** Share of training users whose examples use the unknown-user embedding. */
    static final double UNKNOWN_USER_SHARE = 0.1;

    private final RankerConfig config;
    private final SignalsConfig signalsConfig;
    private final boolean ratingModel;

    public RankerTrainer(RankerConfig config, SignalsConfig signalsConfig) {
        this(config, signalsConfig, true);
    }

    private RankerTrainer(RankerConfig config, SignalsConfig signalsConfig, boolean ratingModel) {
        this.config = config;
        this.signalsConfig = signalsConfig;
        this.ratingModel = ratingModel;
    }

    /**
     * A trainer of the ranking network and item index only, without the rating model (whose stars a ranking
     * evaluation never asks for): its models cannot predict ratings and are not for serving.
     */
    public static RankerTrainer rankingOnly(RankerConfig config, SignalsConfig signalsConfig) {
        return new RankerTrainer(config, signalsConfig, false);
    }

    /** Trains on every rating of the graph. */
    public RankerModel train(Graph graph) {
        GraphData source = GraphData.read(graph);
        return train(source, source.ratings(), (model, history) -> { });
    }

    /**
     * Trains on {@code ratings} (the source's, or a subset; in user order, chronological within each user); the
     * source gives the users and movies. {@code check} runs before the history graph is deleted.
     */
    public RankerModel train(GraphData source, List<Interaction> ratings, HistoryCheck check) {
        long started = System.nanoTime();
        long seed = config.seed();
        if (ratings.isEmpty()) {
            throw new IllegalStateException("The graph holds no ratings: import a dataset first (cinegraph import --path DIR)");
        }
        TrainingCut cut = TrainingCut.of(ratings, config.targetFraction(), seed);
        Collaborative historyIndex = itemIndex(cut.history());
        List<Interaction> ratingSample = UserSample.ratingsUpTo(ratings, config.ratingModelRatings(), seed + 37);
        if (ratingSample.size() < ratings.size()) {
            LOG.infof("The rating model fits the %,d ratings of a seeded sample of users (of %,d ratings)",
                    ratingSample.size(), ratings.size());
        }
        // examples are built for at most maxTrainingUsers users with targets; only they (and, without a sample,
        // every user) get an embedding, so that no user is scored through one that was never trained
        List<Long> trainingUsers = UserSample.first(cut.targets().keySet(), config.maxTrainingUsers(), seed + 31);
        boolean everyTrainingUser = trainingUsers.size() == cut.targets().size();
        RankerSchema schema = schema(source, historyIndex, cut, ratingSample,
                everyTrainingUser ? null : new java.util.HashSet<>(trainingUsers));
        RankingFit.Fitted fitted;
        RankerModel model;
        try (SignalGraph history = SignalGraph.temporary(source, cut.history(), signalsConfig)) {
            List<UserExamples> examples = new ExampleBuilder(config, signalsConfig.historySize(), new ExampleBuilder.Inputs(
                    history.extractor(), history.snapshot(), historyIndex, schema, cut, trainingUsers)).build();
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
            Collaborative serving = itemIndex(ratings);
            // the rating model does not depend on the ranking network: it is fitted on a thread of its own
            // meanwhile (the ranking fit keeps about one core busy)
            java.util.concurrent.ExecutorService side = Futures.daemonThread("rating-model");
            RatingModel.Fit rating;
            try {
                java.util.concurrent.Future<RatingModel.Fit> ratingFit = side.submit(() -> ratingModel
                        ? RatingModel.fit(ratingSample, schema.indexes().ratingUsers(), serving, config, seed)
                        : new RatingModel.Fit(null, Double.NaN, 0));
                fitted = new RankingFit(config).fit(trainUsers, validationUsers, schema, seed);
                rating = Futures.await(ratingFit, "the rating model");
            } finally {
                side.shutdownNow();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            ModelInfo info = new ModelInfo(ModelMetadata.version(), ModelMetadata.now(), ModelMetadata.fingerprint(ratings),
                    ratings.size(), source.users().size(), source.movies().size(),
                    ModelMetadata.hyperParameters(config, signalsConfig), validation(fitted, rating), seconds);
            LOG.infof("Ranker trained in %.1f s: validation NDCG@10 %.4f (epoch %d), rating RMSE %.4f",
                    seconds, fitted.validation().all(), fitted.epochs(), rating.validationRmse());
            model = new RankerModel(info, schema, fitted.network(), fitted.normalizer(), serving, rating.model());
            check.accept(model, history);
        }
        return model;
    }

    private static Map<String, Double> validation(RankingFit.Fitted fitted, RatingModel.Fit rating) {
        Map<String, Double> validation = new LinkedHashMap<>();
        validation.put("ndcg@10", fitted.validation().all());
        validation.put("ndcg@10 users with history", fitted.validation().warm());
        validation.put("ndcg@10 cold users", fitted.validation().cold());
        validation.put("ndcg@10 sign-ups", fitted.validation().signUp());
        validation.put("ndcg@10 balanced", fitted.validation().balanced());
        validation.put("ratingRmse", rating.validationRmse());
        validation.put("epochs", (double) fitted.epochs());
        validation.put("trainingExamples", (double) fitted.examples());
        return validation;
    }

    /**
     * The rating model alone, fitted in memory on {@code train} (no graph needed), predicting {@code test}: for
     * rating-prediction protocols such as ml-100k's u1–u5 folds.
     */
    public double[] ratingPredictions(List<Interaction> train, List<Interaction> test) {
        Collaborative catalogue = itemIndex(train);
        List<Long> users = train.stream().map(Interaction::userId).distinct().sorted().toList();
        List<Long> movies = new ArrayList<>();
        for (int i = 0; i < catalogue.items(); i++) {
            movies.add(catalogue.movieId(i));
        }
        Map<Long, Integer> userIndex = new RankerSchema(RankerSchema.currentDenseFeatures(), users, users, movies,
                List.of(), List.of(), AgeBands.LOWEST_AGES, List.of()).indexes().ratingUsers();
        RatingModel model = RatingModel.fit(train, userIndex, catalogue, config, config.seed()).model();
        Map<Long, Map<Long, Double>> byUser = RatingModel.byUser(train);
        double[] out = new double[test.size()];
        for (int t = 0; t < test.size(); t++) {
            Interaction i = test.get(t);
            out[t] = model.predict(i.userId(), userIndex.getOrDefault(i.userId(), 0),
                    byUser.getOrDefault(i.userId(), Map.of()), new long[]{i.movieId()}, catalogue)[0];
        }
        return out;
    }

    /** The item-to-item index (EASE's inverse among it; EJML spreads the inverse over every core). */
    private Collaborative itemIndex(List<Interaction> ratings) {
        return Collaborative.fit(ratings, config.itemIndex());
    }

    /** A seeded draw per user: a cold user drawn is held out whole for validation (early stopping). */
    private boolean validationUser(long userId) {
        return new Random(Seeds.mix(config.seed() + 1, userId)).nextDouble() < config.validationUsers();
    }

    /**
     * Users outside the ranking network's user vocabulary: the cold users held out for validation, users with
     * fewer than {@link RankerModel#STATED_PREFERENCES_BELOW} ratings, and a seeded share of the others. They feed
     * a zero vector instead of an embedding, in training and when scored later, so that path (which serves new
     * users) is fitted, and no user is ever scored through an embedding that was never trained.
     */
    private boolean unknownUser(long userId, TrainingCut cut) {
        return (cut.cold().contains(userId) && validationUser(userId))
                || cut.all().getOrDefault(userId, List.of()).size() < RankerModel.STATED_PREFERENCES_BELOW
                || new Random(Seeds.mix(config.seed() + 2, userId)).nextDouble() < UNKNOWN_USER_SHARE;
    }

    /**
     * Vocabularies: the users with a trained embedding (ranking: the training users, when they are a sample), the
     * users of the rating model's sample (rating),
     * the movies of the history catalogue, every genre and demographic value.
     */
    private RankerSchema schema(GraphData source, Collaborative history, TrainingCut cut, List<Interaction> ratingSample,
                                java.util.Set<Long> sampledUsers) {
        java.util.Set<Long> rated = new java.util.HashSet<>();
        ratingSample.forEach(i -> rated.add(i.userId()));
        boolean everyUser = ratingSample.size() == cut.all().values().stream().mapToInt(List::size).sum();
        TreeSet<String> genres = new TreeSet<>();
        source.movies().forEach(m -> genres.addAll(m.genres()));
        TreeSet<String> genders = new TreeSet<>();
        TreeSet<String> occupations = new TreeSet<>();
        List<Long> users = new ArrayList<>();
        List<Long> ratingUsers = new ArrayList<>();
        for (Rows.UserRow u : source.users()) {
            if (everyUser || rated.contains(u.userId())) {
                ratingUsers.add(u.userId());
            }
            if (!unknownUser(u.userId(), cut) && (sampledUsers == null || sampledUsers.contains(u.userId()))) {
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
                List.copyOf(genders), AgeBands.LOWEST_AGES, List.copyOf(occupations));
    }
}
