package io.cinegraph.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;

import java.time.Duration;

/**
 * At most {@code limit} writes per {@code period} for each client (resilience4j's rate limiter, one per client key,
 * never waiting: a write beyond the limit is refused at once). Clients not seen for ten minutes are forgotten, so
 * the table stays bounded by the clients of the last minutes.
 */
final class WriteLimits {

    private final RateLimiterConfig config;
    private final Cache<String, RateLimiter> clients;

    WriteLimits(int limit, Duration period) {
        this.config = RateLimiterConfig.custom().limitForPeriod(limit).limitRefreshPeriod(period)
                .timeoutDuration(Duration.ZERO).build();
        this.clients = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();
    }

    /** Whether the client may write now (and counts the write when it may). */
    boolean tryWrite(String client) {
        return clients.get(client, key -> RateLimiter.of("writes-" + key, config)).acquirePermission();
    }

    /** Seconds until the client's next permit is certain: the refresh period, rounded up. */
    long retryAfterSeconds() {
        return Math.max(1, (config.getLimitRefreshPeriod().toMillis() + 999) / 1000);
    }
}
