package io.cinegraph.signals;

import io.cinegraph.support.BackgroundLane;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * CDI wiring of the service's one lane of background graph work, shared by the refresh of stale users
 * ({@link StaleUsers}) and the candidate queries of the serving cache.
 */
public class BackgroundWiring {

    @Produces
    @Singleton
    BackgroundLane backgroundLane(SignalsConfig config) {
        return new BackgroundLane(config.backgroundShare());
    }
}
