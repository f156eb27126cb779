package io.cinegraph.api;

import io.cinegraph.catalog.CatalogService;
import io.cinegraph.catalog.User;
import io.cinegraph.graph.UserSignalsRepository;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/users")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
public class UserResource {

    /** A user's profile: demographics, rating activity and genre affinities (strongest first). */
    public record UserProfile(long userId, Integer age, String gender, String occupation, String zip,
                              long ratingCount, Double meanRating, List<UserSignalsRepository.Affinity> genreAffinities) {
    }

    private final CatalogService catalog;
    private final UserSignalsRepository signals;

    public UserResource(CatalogService catalog, UserSignalsRepository signals) {
        this.catalog = catalog;
        this.signals = signals;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One user: demographics, rating activity and genre affinities (after `signals`)")
    @APIResponse(responseCode = "200", description = "The user")
    @APIResponse(responseCode = "404", description = "No user with this id")
    public UserProfile user(@PathParam("id") @PositiveOrZero long id) {
        User u = catalog.user(id);
        return new UserProfile(u.userId(), u.age(), u.gender(), u.occupation(), u.zip(), u.ratingCount(), u.meanRating(),
                List.copyOf(signals.genreAffinities(id).values()));
    }
}
