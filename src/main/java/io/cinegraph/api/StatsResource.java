package io.cinegraph.api;

import io.cinegraph.catalog.CatalogService;
import io.cinegraph.domain.DatasetInfo;
import io.cinegraph.domain.GraphCounts;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/stats")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Graph")
public class StatsResource {

    /** Counts, and the dataset the graph was filled from (null before any import). */
    public record Stats(GraphCounts counts, DatasetInfo dataset) {
    }

    @Inject CatalogService catalog;

    @GET
    @Operation(summary = "What the graph holds: users, movies, genres, ratings, tags, and the source dataset")
    public Stats stats() {
        return new Stats(catalog.counts(), catalog.dataset().orElse(null));
    }
}
