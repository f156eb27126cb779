package io.cinegraph.api;

import io.cinegraph.support.ServiceState;
import io.cinegraph.training.ModelRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the model directory has been read (the active model, or the named fallback with the reason) and, in
 * {@code serve}, its start-up (import, model, warm-up of the candidates) is over.
 */
@Readiness
@ApplicationScoped
public class ModelReadinessCheck implements HealthCheck {

    @Inject ModelRegistry registry;
    @Inject ServiceState state;

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("ranker");
        if (state.isStarting()) {
            return builder.down().withData("starting", "import, model and warm-up of the candidates under way").build();
        }
        var active = registry.active();
        return active.map(m -> builder.up().withData("model", m.info().version()).build())
                .orElseGet(() -> builder.up().withData("model", ModelRegistry.FALLBACK)
                        .withData("reason", registry.fallbackReason()).build());
    }
}
