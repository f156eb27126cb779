package io.cinegraph.api;

import io.cinegraph.events.EventService;
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

@Path("/api/events")
@Tag(name = "Events")
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {

    @Inject EventService events;

    /** A batch: {@code {"events": [{"userId": 1, "movieId": 50, "type": "impression", "recommendationId": "…"}, ...]}}. */
    public record Batch(List<EventService.Item> events) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record many events of any users at once (impression, click, view, skip); all or nothing")
    @APIResponse(responseCode = "200", description = "How many events were stored, and how many were duplicates of "
            + "events stored before (same eventId)")
    @APIResponse(responseCode = "400", description = "Nothing stored: every bad item named as events[i].field")
    public EventService.BatchStored write(Batch body) {
        return events.putAll(Bodies.required(body, "{\"events\": [{\"userId\": 1, \"movieId\": 50, "
                + "\"type\": \"impression\"}]}").events());
    }
}
