package io.cinegraph.training;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Scheduled, gated retraining of the ranker. */
@ConfigMapping(prefix = "cinegraph.retrain")
public interface RetrainConfig {

    /** Quartz-style cron of the scheduled run (default: nightly at 03:00); "off" disables the schedule. */
    @WithDefault("0 0 3 * * ?")
    String cron();

    /**
     * The candidate is promoted when its holdout NDCG@10 is at least the active model's minus this tolerance
     * (0: at least as good).
     */
    @WithDefault("0")
    double tolerance();

    /** Users whose latest rating forms the recent holdout (a seeded sample of users with 5+ ratings). */
    @WithDefault("1000")
    int holdoutUsers();

    /** Finished jobs kept in the history. */
    @WithDefault("50")
    int history();
}
