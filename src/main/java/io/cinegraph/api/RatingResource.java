package io.cinegraph.api;

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

/** Batch rating ingestion: many ratings of many users in one request, all or nothing. */
@Path("/api/ratings")
@Tag(name = "Ratings")
@Produces(MediaType.APPLICATION_JSON)
public class RatingResource {

    @Inject RatingService ratings;

    /** A batch: {@code {"ratings": [{"userId": 1, "movieId": 2, "rating": 4, "ratedAt": 1700000000}, ...]}}. */
    public record Batch(List<RatingService.Item> ratings) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Write many ratings at once (ratedAt in epoch seconds, default now); all or nothing")
    @APIResponse(responseCode = "200", description = "How many ratings were written, created and replaced")
    @APIResponse(responseCode = "400", description = "Nothing written: every bad item named as ratings[i].field "
            + "(missing field, off the dataset's scale, unknown user or movie, a pair sent twice, too many items)")
    public RatingService.BatchWritten write(Batch body) {
        return ratings.putAll(Bodies.required(body, "{\"ratings\": [{\"userId\": 1, \"movieId\": 2, "
                + "\"rating\": 4}]}").ratings());
    }
}
