package io.cinegraph.signals;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Parameters of the graph signals. Every formula they enter is written in its {@code cypher/signals} file. */
@ConfigMapping(prefix = "cinegraph.signals")
public interface SignalsConfig {

    /** Users or movies per materialization transaction. */
    @WithDefault("50")
    int batchSize();

    /** Batches computed at once (one per core is right on most machines). */
    @WithDefault("2")
    int parallelism();

    /**
     * Users whose ratings changed and whose graph signals (statistics, genre affinities, neighbours) wait for the
     * background refresh, at most; a write that finds the queue full waits for room.
     */
    @WithDefault("10000")
    int staleQueueSize();

    /**
     * The share of the time the service's background graph queries may run (0–1]: the refresh of stale users'
     * signals and the candidate queries of the serving cache take turns in one lane, and after a piece of work (a
     * user's queries) that took t the lane pauses t·(1/share − 1), so that a burst of writes or of new users cannot
     * take the machine from the requests.
     */
    @WithDefault("0.25")
    double backgroundShare();

    /** Raters of a movie (and ratings of a user) a similarity query looks at, at most. */
    @WithDefault("300")
    int degreeCap();

    Neighbours neighbours();

    Similar similar();

    /** Shrinkage λ of genre affinity toward the population's affinity for the genre. */
    @WithDefault("10")
    double genreShrinkage();

    /**
     * The rating, on the dataset's scale, that a viewed movie the user has not rated stands for in their history when
     * they are ranked (events of type {@code view}); 0: views are not history.
     */
    @WithDefault("4")
    double viewRating();

    /** Prior weight C of the Bayesian mean rating of a movie (in ratings at the global mean). */
    @WithDefault("10")
    double popularityPriorWeight();

    /** Half-life of the trend signal, in days before the latest rating in the graph. */
    @WithDefault("30")
    double trendHalfLifeDays();

    /** Movies with fewer ratings than this get content-based SIMILAR relationships. */
    @WithDefault("10")
    int contentMinRatings();

    /** Years over which content similarity decays by a factor e. */
    @WithDefault("10")
    double contentYearScale();

    /** A demographic cohort smaller than this backs off to a coarser one. */
    @WithDefault("20")
    int cohortMinUsers();

    /** How many of a user's latest ratings form their recent history. */
    @WithDefault("10")
    int historySize();

    interface Neighbours {
        /** Neighbours kept per user. */
        @WithDefault("30")
        int k();

        /** Co-rated movies needed before two users can be neighbours. */
        @WithDefault("5")
        int minOverlap();

        /** Significance shrinkage λ: score = sim · overlap / (overlap + λ). */
        @WithDefault("25")
        double shrinkage();
    }

    interface Similar {
        /** Similar movies kept per movie. */
        @WithDefault("30")
        int k();

        /** Co-raters needed before two movies can be similar. */
        @WithDefault("5")
        int minOverlap();

        /** Significance shrinkage λ: score = sim · overlap / (overlap + λ). */
        @WithDefault("50")
        double shrinkage();
    }
}
