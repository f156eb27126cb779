package io.cinegraph.api;

import io.cinegraph.graph.Graph;
import io.cinegraph.support.ServiceState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when Neo4j answers and no start-up import is under way. */
@Readiness
@ApplicationScoped
public class GraphReadinessCheck implements HealthCheck {

    @Inject Graph graph;
    @Inject ServiceState state;

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("neo4j").withData("mode", graph.isEmbedded() ? "embedded" : "external");
        try {
            graph.ping();
            builder.withData("bolt", graph.boltUri().toString());
        } catch (RuntimeException e) {
            return builder.down().withData("error", String.valueOf(e.getMessage())).build();
        }
        var importing = state.currentImport();
        if (importing.isPresent()) {
            return builder.down().withData("importing", importing.get().toString()).build();
        }
        return builder.up().build();
    }
}
