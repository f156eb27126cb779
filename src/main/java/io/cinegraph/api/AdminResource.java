package io.cinegraph.api;

import io.cinegraph.ranker.ModelInfo;
import io.cinegraph.training.ModelRegistry;
import io.cinegraph.training.RetrainJob;
import io.cinegraph.training.RetrainService;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
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

    @Inject RetrainService retrain;
    @Inject ModelRegistry registry;
    @Inject io.cinegraph.events.ExperimentService experiments;
    @Inject io.cinegraph.events.Replay replay;

    @GET
    @Path("/experiments")
    @Operation(summary = "The running A/B experiment (each variant's online figures beside the control's, the 95 % CI "
            + "of the click-through difference and a verdict) and every model's online figures over a sliding window: "
            + "impressions, click-through, view-through, rated after being shown, mean rating then, catalogue coverage")
    @APIResponse(responseCode = "200", description = "The report")
    @APIResponse(responseCode = "400", description = "days out of range")
    public io.cinegraph.events.ExperimentService.Report experiments(@Valid @BeanParam DaysWindow window) {
        return experiments.report(window.duration());
    }

    @GET
    @Path("/experiments/replay")
    @Operation(summary = "Offline replay of the logged answers: each model re-ranks the movies each answer showed, with "
            + "the user's history as it was then, scored on what the user took up (clicked, viewed or rated at least "
            + "'liked'): NDCG, MRR, hit@1 per model and per logged variant, beside the exact figures of a random order; "
            + "the answers of the last 'days', or since 'since' (epoch seconds, e.g. an experiment's startedAt)")
    @APIResponse(responseCode = "200", description = "The replay")
    @APIResponse(responseCode = "400", description = "An unknown model, or a parameter out of range")
    public io.cinegraph.events.Replay.Result replay(
            @Valid @BeanParam DaysWindow window,
            @jakarta.ws.rs.QueryParam("models") List<String> models,
            @jakarta.ws.rs.QueryParam("variants") List<String> variants,
            @jakarta.ws.rs.QueryParam("since") @jakarta.validation.constraints.PositiveOrZero Long since,
            @jakarta.ws.rs.QueryParam("limit") @jakarta.ws.rs.DefaultValue(io.cinegraph.events.Replay.DEFAULT_LIMIT) @jakarta.validation.constraints.Min(1)
            @jakarta.validation.constraints.Max(1_000_000) int limit,
            @jakarta.ws.rs.QueryParam("liked") @jakarta.ws.rs.DefaultValue("4") double liked) {
        return since != null ? replay.run(since, names(models), names(variants), limit, liked)
                : replay.run(window.duration(), names(models), names(variants), limit, liked);
    }

    /** Names given as repeated parameters, comma-separated lists, or both. */
    private static List<String> names(List<String> given) {
        return given == null ? List.of() : given.stream().flatMap(m -> java.util.Arrays.stream(m.split(",")))
                .map(String::strip).filter(m -> !m.isEmpty()).toList();
    }

    /** An experiment to start: {@code {"name": "ranker-v2", "variants": [{"name": "A", "model": "active", "share": 50}, ...]}}. */
    public record NewExperiment(String name, List<io.cinegraph.recommend.Experiment.Arm> variants) {
    }

    @POST
    @Path("/experiments")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start an A/B experiment: users split by a hash of (user id, name) over variants, each served "
            + "by a stored model version, 'active', 'profile:NAME' (the newest version trained with that tuning profile), 'fallback' or 'popular' (the popular movies alone), with shares (percent) adding up to 100; the first "
            + "variant is the control")
    @APIResponse(responseCode = "201", description = "Started")
    @APIResponse(responseCode = "400", description = "Bad definition, or an experiment is already running")
    public Response startExperiment(NewExperiment body) {
        Bodies.required(body, "{\"name\": \"ranker-v2\", \"variants\": [{\"name\": \"A\", \"model\": \"active\", "
                + "\"share\": 50}, {\"name\": \"B\", \"model\": \"fallback\", \"share\": 50}]}");
        return Response.status(Response.Status.CREATED).entity(experiments.start(body.name(), body.variants())).build();
    }

    @POST
    @Path("/experiments/end")
    @Operation(summary = "End the running experiment; with promote=true, the variant ahead of the control beyond doubt "
            + "(95 % CI of the click-through difference excludes 0) has its model activated, else the active model stays")
    @APIResponse(responseCode = "200", description = "What was decided")
    @APIResponse(responseCode = "400", description = "No experiment is running")
    public io.cinegraph.events.ExperimentService.Ended endExperiment(
            @jakarta.ws.rs.QueryParam("promote") @jakarta.ws.rs.DefaultValue("false") boolean promote) {
        return experiments.end(promote);
    }

    @POST
    @Path("/memory/collect")
    @Operation(summary = "Run a full garbage collection now and answer the heap in use after it (the live data): "
            + "for leak checks such as the soak's; it stops the service for the collection's length")
    @APIResponse(responseCode = "200", description = "Heap in use before and after, and the collection's time")
    public io.cinegraph.support.Memory.Collected collect() {
        return io.cinegraph.support.Memory.collect();
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
