package io.cinegraph.training;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * Several service replicas over one Neo4j deployment (see docs/scale-out.md). The active model, the retraining
 * lease and the job history always live in the graph; with {@code enabled} each replica also follows what the others
 * do: a promotion or rollback, a recomputation of the signals, and every user's rating writes.
 */
@ConfigMapping(prefix = "cinegraph.replicas")
public interface ReplicaConfig {

    /** Whether other replicas may write to the same graph (off: one service owns it, as with embedded Neo4j). */
    @WithDefault("false")
    boolean enabled();

    /** This replica's name in leases and jobs (default: host name and process id). */
    Optional<String> id();

    /** How often a replica looks for a model promoted or rolled back, or signals recomputed, by another one. */
    @WithDefault("5s")
    Duration pollInterval();

    /**
     * How long the retraining lease lasts without renewal: a replica killed while it retrains blocks the next run at
     * most this long. The holder renews it every third of it.
     */
    @WithDefault("60s")
    Duration leaseTtl();
}
