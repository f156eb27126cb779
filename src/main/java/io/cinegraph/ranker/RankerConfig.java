package io.cinegraph.ranker;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Hyper-parameters of the neural ranker and where its models live. The design note is docs/ranker.md. */
@ConfigMapping(prefix = "cinegraph.ranker")
public interface RankerConfig {

    /** Directory of the model versions (one sub-directory each) and of the ACTIVE pointer. */
    @WithDefault("data/models")
    String modelDir();

    /**
     * The tuning profile whose settings this configuration holds ({@code <model-dir>/profiles/NAME.properties}, written by
     * {@code tune}; see docs/tuning.md); "default" is the built-in defaults. Training, the first start's and the
     * scheduled retraining use it, and each model records it.
     */
    @WithDefault("default")
    String profile();

    /** Model versions kept on disk (the active one is never deleted). */
    @WithDefault("5")
    int keepModels();

    /** Seed of every random choice in training (sampling, initialization, shuffling). */
    @WithDefault("42")
    long seed();

    /** Each user's latest share of ratings that becomes the training targets (the rest is their history). */
    @WithDefault("0.2")
    double targetFraction();

    /**
     * Share of the cold users held out whole for validation (early stopping), by a seeded draw; every other user
     * has their latest target held out.
     */
    @WithDefault("0.1")
    double validationUsers();

    /**
     * Candidates per user from EASE, from item-kNN cosine, from ratings up to T, and from popularity in the 30
     * days up to T.
     */
    @WithDefault("200")
    int candidatesByEase();

    @WithDefault("100")
    int candidatesByCosine();

    @WithDefault("100")
    int candidatesByPopularity();

    /** Candidates per user by session score (see {@link #sessionGapSeconds()}). */
    @WithDefault("50")
    int candidatesBySession();

    @WithDefault("50")
    int candidatesByRecentPopularity();

    /** Weight of a sign-up example's rows in the ranking loss (the other rows weigh 1). */
    @WithDefault("4")
    double signUpWeight();

    /** Uniformly drawn non-candidate movies added to each user's training examples (the long tail). */
    @WithDefault("300")
    int randomNegatives();

    /** Candidates per graph generator when serving (user-knn, item-knn, genre, cohort, popular). */
    @WithDefault("50")
    int candidatesPerGenerator();

    /**
     * Users whose graph side (ratings, affinities, neighbours) and graph-generator candidates are cached between
     * requests (dropped when the user rates something through the API and whenever the signals are recomputed).
     */
    @WithDefault("10000")
    int candidateCacheSize();

    /**
     * How long {@code serve} may spend at start-up, before it reports ready, running the graph generators for the
     * users who rated most recently (up to {@link #candidateCacheSize}, on every core), so that its first requests
     * find their candidates cached and its memory is filled from the start; 0 for none. Users not reached in time
     * are filled as they come.
     */
    @WithDefault("60")
    int warmUpSeconds();

    /** EASE's L2 weight λ. */
    @WithDefault("250")
    double easeLambda();

    /**
     * Two ratings of one user belong to the same session when at most this many seconds apart; the movies rated in
     * sessions together feed the session score (a model feature and a candidate source).
     */
    @WithDefault("60")
    long sessionGapSeconds();

    /** Neighbours kept per movie by item-kNN cosine, and partners per movie by session. */
    @WithDefault("200")
    int knnK();

    /**
     * Training examples are built for at most this many users with targets (a seeded sample), so that the cost of
     * {@code train} grows with the sample, not with every user × their candidates; 0 = every user.
     */
    @WithDefault("5000")
    int maxTrainingUsers();

    /**
     * Each epoch fits a fresh seeded uniform sample of at most this many of the training rows (0 = every row), so
     * that an epoch's cost is bounded whatever the number of users × candidates.
     */
    @WithDefault("3000000")
    int examplesPerEpoch();

    /**
     * The rating model (its out-of-fold features, its network and the neighbours and factors it predicts from) is
     * fitted on the ratings of a seeded sample of users holding at most this many ratings (0 = every rating); users
     * outside it are predicted through the unknown-user slot, with their bias folded in from their own ratings.
     */
    @WithDefault("500000")
    long ratingModelRatings();

    /** The item-to-item matrices cover at most this many of the most-rated movies. */
    @WithDefault("5000")
    int maxItems();

    @WithDefault("16")
    int embeddingSize();

    @WithDefault("64")
    int hidden();

    /**
     * Adam's step size for the ranking network. With the mini-batch of 1,024 (was 512 with 0.001, scaled by √2):
     * epochs a third shorter, ml-100k last-fraction NDCG@10 0.2625 against 0.2628 (docs/ranker.md).
     */
    @WithDefault("0.0014")
    double learningRate();

    @WithDefault("0.0001")
    double l2();

    /** Rows per mini-batch of the ranking network. */
    @WithDefault("1024")
    int batchSize();

    /** Ratings per mini-batch of the rating network. */
    @WithDefault("256")
    int ratingBatchSize();

    /** Adam's step size for the rating network. */
    @WithDefault("0.001")
    double ratingLearningRate();

    @WithDefault("8")
    int maxEpochs();

    /** Epochs without a better validation NDCG@10 before training stops (the best epoch is kept). */
    @WithDefault("3")
    int patience();

    /** Epochs of the rating model. */
    @WithDefault("12")
    int ratingEpochs();

    /** The item-to-item index's settings, as one record. */
    default io.cinegraph.model.Collaborative.Settings itemIndex() {
        return new io.cinegraph.model.Collaborative.Settings(maxItems(), easeLambda(), knnK(), sessionGapSeconds());
    }
}
