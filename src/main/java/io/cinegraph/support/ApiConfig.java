package io.cinegraph.support;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The REST API's limits and serving pool ({@code cinegraph.api.*}), read in one place. */
@ConfigMapping(prefix = "cinegraph.api")
public interface ApiConfig {

    /** Items one batch request (ratings, events) may carry; a larger batch is refused whole. */
    @WithDefault("10000")
    int maxBatchRatings();

    /** Longest request URI answered; a longer one gets 414 problem+json. */
    @WithDefault("8192")
    int maxUriLength();

    /** Writes (POST/PUT/PATCH/DELETE under /api) per second per client address; 0: no limit. */
    @WithDefault("0")
    int writeRateLimit();

    /** Threads recommendation requests rank on; 0: twice the cores (eight times with an external Neo4j). */
    @WithDefault("0")
    int servingThreads();

    /**
     * Requests the service makes to itself over loopback at start-up, before readiness, to have the request path
     * compiled (see {@code api/RequestWarmUp}); 0: none.
     */
    @WithDefault("10000")
    int warmUpRequests();

    /** The most seconds those requests may take. */
    @WithDefault("20")
    int warmUpRequestsSeconds();

    /**
     * Rating writes made at start-up, before readiness, on a throw-away graph in this process, to have the write
     * path compiled (see {@code ratings/WriteWarmUp}); only with the embedded database; 0: none.
     */
    @WithDefault("4000")
    int warmUpWrites();

    /** The most seconds that warm-up may take, its throw-away graph's set-up included. */
    @WithDefault("15")
    int warmUpWritesSeconds();

    /** Recommendation requests that may wait for a serving thread; one more gets 503. */
    @WithDefault("10000")
    int servingQueue();
}
