package io.cinegraph.api;

import io.cinegraph.training.ModelRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the model directory has been read: the active model, or the named fallback (with the reason). */
@Readiness
@ApplicationScoped
public class ModelReadinessCheck implements HealthCheck {

    private final ModelRegistry registry;

    public ModelReadinessCheck(ModelRegistry registry) {
        this.registry = registry;
    }

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("ranker");
        var active = registry.active();
        return active.map(m -> builder.up().withData("model", m.info().version()).build())
                .orElseGet(() -> builder.up().withData("model", ModelRegistry.FALLBACK)
                        .withData("reason", registry.fallbackReason()).build());
    }
}
