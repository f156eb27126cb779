package io.cinegraph.api;

import io.cinegraph.ranker.ModelInfo;
import io.cinegraph.training.ModelRegistry;
import io.cinegraph.training.RetrainJob;
import io.cinegraph.training.RetrainService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

@Path("/api/admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin", description = "Requires the configured API key in the X-API-Key header")
@APIResponse(responseCode = "401", description = "Missing or wrong API key")
@APIResponse(responseCode = "403", description = "No API key configured: admin endpoints are disabled")
public class AdminResource {

    private final RetrainService retrain;
    private final ModelRegistry registry;
    private final io.cinegraph.events.EventService events;

    public AdminResource(RetrainService retrain, ModelRegistry registry, io.cinegraph.events.EventService events) {
        this.retrain = retrain;
        this.registry = registry;
        this.events = events;
    }

    @GET
    @Path("/experiments")
    @Operation(summary = "Online figures per model version and variant over a sliding window: impressions, "
            + "click-through, view-through, rated after being shown, mean rating then, catalogue coverage")
    @APIResponse(responseCode = "200", description = "The figures, one row per model version and variant")
    @APIResponse(responseCode = "400", description = "days out of range")
    public io.cinegraph.events.OnlineFigures experiments(
            @jakarta.ws.rs.QueryParam("days") @jakarta.ws.rs.DefaultValue("30") @jakarta.validation.constraints.Min(1)
            @jakarta.validation.constraints.Max(3650) int days) {
        return events.figures(java.time.Duration.ofDays(days));
    }

    @POST
    @Path("/retrain")
    @Operation(summary = "Start a gated retraining run now (signals → train → holdout comparison → promote or keep)")
    @APIResponse(responseCode = "202", description = "Queued; follow the job at the Location")
    @APIResponse(responseCode = "409", description = "A run is already under way")
    public Response retrain() {
        RetrainJob job = retrain.submit("api");
        return Response.accepted(job).location(URI.create("/api/admin/jobs/" + job.id())).build();
    }

    @GET
    @Path("/jobs")
    @Operation(summary = "Retraining runs, newest first: durations, holdout figures and decision")
    public List<RetrainJob> jobs() {
        return retrain.jobs();
    }

    @GET
    @Path("/jobs/{id}")
    @Operation(summary = "One retraining run")
    @APIResponse(responseCode = "404", description = "No such job")
    public RetrainJob job(@PathParam("id") String id) {
        return retrain.job(id).orElseThrow(() -> new jakarta.ws.rs.NotFoundException("No retraining job '" + id + "'."));
    }

    @POST
    @Path("/models/{version}/activate")
    @Operation(summary = "Activate a stored model version (e.g. roll back); swapped in without downtime")
    @APIResponse(responseCode = "200", description = "The model now active")
    @APIResponse(responseCode = "404", description = "No such version")
    @APIResponse(responseCode = "409", description = "The version cannot be used by this code (feature schema)")
    public ModelInfo activate(@PathParam("version") String version) {
        if (!registry.store().versions().contains(version)) {
            throw new jakarta.ws.rs.NotFoundException("No model version '" + version + "'; GET /api/model lists them.");
        }
        return registry.activate(version).info();
    }
}
