package io.cinegraph.api;

import io.cinegraph.catalog.BrowseService;
import io.cinegraph.catalog.CatalogService;
import io.cinegraph.domain.Explanation;
import io.cinegraph.domain.Movie;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/movies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Movies")
public class MovieResource {

    @Inject CatalogService catalog;
    @Inject BrowseService browse;

    @GET
    @Operation(summary = "Search movies by title (every word, case- and accent-insensitive) and genre; most-rated first")
    @APIResponse(responseCode = "200", description = "A page of movies")
    @APIResponse(responseCode = "400", description = "Invalid paging")
    public BrowseService.Page<BrowseService.MovieSummary> search(
            @QueryParam("query") String query, @QueryParam("genre") String genre,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return browse.search(blankToNull(query), blankToNull(genre), page, size);
    }

    /** A new catalogue item; {@code movieId} left out for the next free id. */
    public record NewMovie(@PositiveOrZero Long movieId,
                           @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 500) String title,
                           @Min(1870) @Max(2200) Integer year,
                           @jakarta.validation.constraints.Size(max = 30) List<String> genres,
                           @Pattern(regexp = "(tt)?[0-9]{1,10}", message = "must be an IMDb id such as tt0114709") String imdbId,
                           @PositiveOrZero Long tmdbId) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a movie to the catalogue (title, year, genres among GET /api/genres, links)")
    @APIResponse(responseCode = "201", description = "The movie (Location header); searchable and ratable at once, "
            + "ranked by the model after the next signal run")
    @APIResponse(responseCode = "400", description = "A missing title, an unknown genre or another invalid field")
    @APIResponse(responseCode = "409", description = "The requested movieId is taken")
    public Response create(@jakarta.validation.Valid NewMovie body) {
        Bodies.required(body, "{\"title\": \"Arrival\", \"year\": 2016, \"genres\": [\"Drama\", \"Sci-Fi\"]}");
        Movie created = catalog.createMovie(new io.cinegraph.domain.NewMovie(body.movieId(), body.title(), body.year(),
                body.genres(), body.imdbId(), body.tmdbId()));
        return Response.created(java.net.URI.create("/api/movies/" + created.movieId())).entity(created).build();
    }

    @GET
    @Path("/popular")
    @Operation(summary = "The most-rated movies, overall or within a demographic cohort (gender, age, occupation)")
    @APIResponse(responseCode = "200", description = "Movies with the cohort's rating count and Bayesian mean")
    @APIResponse(responseCode = "400", description = "Invalid parameters")
    public List<BrowseService.Popular> popular(
            @QueryParam("genre") String genre, @QueryParam("age") @Min(1) @Max(120) Integer age,
            @QueryParam("gender") @Pattern(regexp = "[MF]", message = "must be M or F") String gender,
            @QueryParam("occupation") String occupation,
            @QueryParam("limit") @DefaultValue("10") @Min(1) @Max(100) int limit) {
        return browse.popular(blankToNull(genre), age, blankToNull(gender), blankToNull(occupation), limit);
    }

    @GET
    @Path("/{id}/similar")
    @Operation(summary = "The movies most SIMILAR to this one (by co-ratings; by content for sparsely rated movies)")
    @APIResponse(responseCode = "200", description = "Similar movies with similarity and explanation")
    @APIResponse(responseCode = "404", description = "No movie with this id")
    public List<SimilarMovie> similar(@PathParam("id") @PositiveOrZero long id,
                                      @QueryParam("limit") @DefaultValue("10") @Min(1) @Max(100) int limit) {
        return catalog.similar(id, limit).stream()
                .map(c -> new SimilarMovie(c.movieId(), c.title(), c.year(), c.score(), c.explanation())).toList();
    }

    /** A similar movie as the API shows it: its similarity as the score, and why. */
    public record SimilarMovie(long movieId, String title, Integer year, double score, Explanation explanation) {
    }

    /** A query parameter with only whitespace counts as absent. */
    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
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
