package io.cinegraph.api;

import io.cinegraph.catalog.CatalogService;
import io.cinegraph.catalog.User;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/users")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
public class UserResource {

    private final CatalogService catalog;

    public UserResource(CatalogService catalog) {
        this.catalog = catalog;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One user: demographics and rating activity")
    @APIResponse(responseCode = "200", description = "The user")
    @APIResponse(responseCode = "404", description = "No user with this id")
    public User user(@PathParam("id") @PositiveOrZero long id) {
        return catalog.user(id);
    }
}
