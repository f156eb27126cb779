package io.cinegraph.api;

import io.cinegraph.catalog.CatalogService;
import io.cinegraph.catalog.Movie;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/movies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Movies")
public class MovieResource {

    private final CatalogService catalog;

    public MovieResource(CatalogService catalog) {
        this.catalog = catalog;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One movie: title, year, genres, rating count and mean rating")
    @APIResponse(responseCode = "200", description = "The movie")
    @APIResponse(responseCode = "404", description = "No movie with this id")
    public Movie movie(@PathParam("id") @PositiveOrZero long id) {
        return catalog.movie(id);
    }
}
