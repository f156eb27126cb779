package io.cinegraph.graph;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Every call to Neo4j goes through here: an unreachable database becomes a {@link GraphUnavailableException} (503),
 * and a circuit breaker opens when Neo4j could not be reached in most of the last few calls: then calls fail at once
 * instead of each retrying for {@code retry-seconds}; a second later one call tries again and closes it when Neo4j
 * answers. Only unreachability counts (not a bulk load's reload, not a query's own error).
 */
final class GuardedCalls {

    private final CircuitBreaker breaker = CircuitBreaker.of("neo4j", CircuitBreakerConfig.custom()
            .slidingWindowSize(5)
            .minimumNumberOfCalls(2)
            .failureRateThreshold(50)
            .waitDurationInOpenState(Duration.ofSeconds(1))
            .permittedNumberOfCallsInHalfOpenState(1)
            .recordException(e -> e instanceof GraphUnavailableException
                    && (e.getCause() instanceof ServiceUnavailableException || e.getCause() instanceof SessionExpiredException))
            .build());

    <T> T call(Supplier<T> work) {
        try {
            return breaker.executeSupplier(() -> {
                try {
                    return work.get();
                } catch (ServiceUnavailableException | SessionExpiredException e) {
                    throw new GraphUnavailableException("Neo4j is not reachable: " + e.getMessage(), e);
                }
            });
        } catch (CallNotPermittedException e) {
            throw new GraphUnavailableException("Neo4j is not reachable: the last calls could not reach it; "
                    + "the next one tries again within a second.", e);
        }
    }
}
