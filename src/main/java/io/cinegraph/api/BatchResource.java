package io.cinegraph.api;

import io.cinegraph.events.EventService;
import io.cinegraph.ratings.RatingService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * Batch ingestion: many ratings, or many events, of many users in one request. A batch is all or nothing: one bad
 * item refuses the whole batch, and the answer names every bad item as {@code ratings[i].field} or
 * {@code events[i].field}.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BatchResource {

    @Inject RatingService ratings;
    @Inject EventService events;

    /** {@code {"ratings": [{"userId": 1, "movieId": 2, "rating": 4, "ratedAt": 1700000000}, ...]}}. */
    public record Ratings(List<RatingService.Item> ratings) {
    }

    /** {@code {"events": [{"userId": 1, "movieId": 50, "type": "impression", "recommendationId": "…"}, ...]}}. */
    public record Events(List<EventService.Item> events) {
    }

    @POST
    @Path("/ratings")
    @Tag(name = "Ratings")
    @Operation(summary = "Write many ratings at once (ratedAt in epoch seconds, default now); all or nothing")
    @APIResponse(responseCode = "200", description = "How many ratings were written, created and replaced")
    @APIResponse(responseCode = "400", description = "Nothing written: every bad item named as ratings[i].field "
            + "(missing field, off the dataset's scale, unknown user or movie, a pair sent twice, too many items)")
    public RatingService.BatchWritten ratings(Ratings body) {
        return ratings.putAll(Bodies.required(body, "{\"ratings\": [{\"userId\": 1, \"movieId\": 2, "
                + "\"rating\": 4}]}").ratings());
    }

    @POST
    @Path("/events")
    @Tag(name = "Events")
    @Operation(summary = "Record many events of any users at once (impression, click, view, skip); all or nothing")
    @APIResponse(responseCode = "200", description = "How many events were stored, and how many were duplicates of "
            + "events stored before (same eventId)")
    @APIResponse(responseCode = "400", description = "Nothing stored: every bad item named as events[i].field")
    public EventService.BatchStored events(Events body) {
        return events.putAll(Bodies.required(body, "{\"events\": [{\"userId\": 1, \"movieId\": 50, "
                + "\"type\": \"impression\"}]}").events());
    }
}
