package io.cinegraph.api;

import io.cinegraph.ranker.ModelInfo;
import io.cinegraph.ranker.RankerSchema;
import io.cinegraph.training.ModelRegistry;
import io.quarkus.scheduler.Scheduler;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/model")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Model")
public class ModelResource {

    /** The serving model: the active version's metadata (null while the fallback serves), and what else exists. */
    public record ModelStatus(ModelInfo active, String fallback, String fallbackReason, List<String> featureSchema,
                              List<String> versions, String nextScheduledRun) {
    }

    @Inject ModelRegistry registry;
    @Inject Scheduler scheduler;

    @GET
    @Operation(summary = "The active model: version, trained-at, validation figures, feature schema, stored versions, "
            + "next scheduled retraining")
    public ModelStatus model() {
        var active = registry.active();
        var job = scheduler.getScheduledJob("retrain");
        var next = job == null ? null : job.getNextFireTime();
        return new ModelStatus(active.map(m -> m.info()).orElse(null),
                active.isPresent() ? null : ModelRegistry.FALLBACK, registry.fallbackReason(),
                active.map(m -> m.schema().denseFeatures()).orElse(RankerSchema.currentDenseFeatures()),
                registry.store().versions(), next == null ? null : next.toString());
    }
}
