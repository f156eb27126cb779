package io.cinegraph.api;

import io.cinegraph.catalog.BrowseService;
import io.cinegraph.domain.GenreCount;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/genres")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Movies")
public class GenreResource {

    @Inject BrowseService browse;

    @GET
    @Operation(summary = "Every genre with its number of movies")
    public List<GenreCount> genres() {
        return browse.genres();
    }
}
