package io.cinegraph.api;

import io.cinegraph.domain.UserRating;
import io.cinegraph.ratings.RatingService;
import io.cinegraph.recommend.RecommendationQuery;
import io.cinegraph.recommend.RecommendationService;
import io.cinegraph.recommend.Recommendations;
import io.cinegraph.recommend.ServingPool;
import io.cinegraph.support.InvalidParameterException;
import io.cinegraph.users.UserProfile;
import io.cinegraph.users.UserService;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.concurrent.CompletionStage;

@Path("/api/users")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
public class UserResource {

    @Inject RecommendationService recommendations;
    @Inject RatingService ratings;
    @Inject UserService users;
    @Inject io.cinegraph.events.EventService events;
    @Inject ServingPool serving;

    /** A new user's sign-up: demographics (all optional) and what they like. */
    public record SignUp(@Min(1) @Max(120) Integer age,
                         @jakarta.validation.constraints.Pattern(regexp = "[MF]", message = "must be M or F") String gender,
                         @jakarta.validation.constraints.Size(max = 100) String occupation,
                         @jakarta.validation.constraints.Size(max = 20) String zip,
                         @jakarta.validation.constraints.Size(max = 20) List<String> likedGenres,
                         @jakarta.validation.constraints.Size(max = 50) List<Long> likedMovies) {
    }

    /** The new user and their first recommendations. */
    public record Created(UserProfile user, Recommendations recommendations) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign up a new user (demographics, liked genres and movies) and get cold-start recommendations")
    @APIResponse(responseCode = "201", description = "The user (Location header) and their first 10 recommendations")
    @APIResponse(responseCode = "400", description = "Invalid demographics, or an unknown genre or movie")
    public Response create(@jakarta.validation.Valid SignUp body) {
        Bodies.required(body, "{\"age\": 30, \"gender\": \"F\", \"likedGenres\": [\"Comedy\"]}");
        long id = users.create(new UserService.NewUser(body.age(), body.gender(), body.occupation(), body.zip(),
                body.likedGenres(), body.likedMovies()));
        Created created = new Created(users.profile(id), recommendations.recommend(id, RecommendationQuery.top(10)));
        return Response.created(java.net.URI.create("/api/users/" + id)).entity(created).build();
    }

    /** The body of a rating write. */
    public record RatingBody(Double rating) {
    }

    @GET
    @Path("/{id}/ratings")
    @Operation(summary = "A user's ratings, latest first")
    @APIResponse(responseCode = "200", description = "The ratings")
    @APIResponse(responseCode = "404", description = "No user with this id")
    public List<UserRating> ratings(@PathParam("id") @PositiveOrZero long id) {
        return ratings.ratings(id);
    }

    @PUT
    @Path("/{id}/ratings/{movieId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rate a movie (create or replace), on the dataset's scale, e.g. {\"rating\": 4}",
            description = "The user's signals are refreshed at once: the next recommendation request excludes the movie "
                    + "and uses the new affinities and neighbours.")
    @APIResponse(responseCode = "201", description = "A new rating")
    @APIResponse(responseCode = "200", description = "A rating replaced")
    @APIResponse(responseCode = "400", description = "The rating is missing or off the dataset's scale")
    @APIResponse(responseCode = "404", description = "No such user or movie")
    @io.smallrye.common.annotation.Blocking
    public CompletionStage<Response> rate(@PathParam("id") @PositiveOrZero long id,
                                          @PathParam("movieId") @PositiveOrZero long movieId, RatingBody body) {
        return ratings.put(id, movieId, body == null ? null : body.rating()).thenApply(written ->
                Response.status(written.created() ? Response.Status.CREATED : Response.Status.OK).entity(written).build());
    }

    @DELETE
    @Path("/{id}/ratings/{movieId}")
    @Operation(summary = "Delete a rating; the user's signals are refreshed at once")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such user or rating")
    public void unrate(@PathParam("id") @PositiveOrZero long id, @PathParam("movieId") @PositiveOrZero long movieId) {
        ratings.delete(id, movieId);
    }

    @POST
    @Path("/{id}/events")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record what the user was shown or did: {\"movieId\": 50, \"type\": \"impression|click|view|skip\", "
            + "\"recommendationId\": \"…\", \"eventId\": \"…\"}",
            description = "recommendationId is the one of the recommendations answer that showed the movie (online "
                    + "figures per model and variant count it); eventId is the client's own id, so that a retried event "
                    + "is stored once; at is epoch seconds (default now). A view is history: the next recommendations "
                    + "treat the movie as seen.")
    @APIResponse(responseCode = "201", description = "Stored")
    @APIResponse(responseCode = "200", description = "An event with this eventId was stored before; nothing changed")
    @APIResponse(responseCode = "400", description = "Nothing stored: missing or unknown type, bad ids or time")
    @APIResponse(responseCode = "404", description = "No such user or movie")
    public Response event(@PathParam("id") @PositiveOrZero long id, io.cinegraph.events.EventService.Item body) {
        io.cinegraph.events.EventService.Stored stored = events.put(id, body);
        return Response.status(stored.created() ? Response.Status.CREATED : Response.Status.OK).entity(stored).build();
    }

    @GET
    @Path("/{id}/recommendations")
    @Operation(summary = "Personalized recommendations: candidates from the graph, ranked by the neural ranker",
            description = "Filters apply before truncation, so `limit` movies come back whenever enough pass them. "
                    + "Movies the user rated are never recommended. Without a trained model the named fallback answers "
                    + "(`fallback: true`).")
    @APIResponse(responseCode = "200", description = "Ranked movies with score, predicted stars and explanation")
    @APIResponse(responseCode = "400", description = "Invalid parameters (problem+json with field errors)")
    @APIResponse(responseCode = "404", description = "No user with this id")
    @APIResponse(responseCode = "503", description = "Ranking at capacity with the serving queue full; retry after Retry-After")
    @io.smallrye.common.annotation.Blocking
    public CompletionStage<Recommendations> recommendations(
            @PathParam("id") @PositiveOrZero long id,
            @QueryParam("limit") @DefaultValue("10") @Min(1) @Max(100) int limit,
            @QueryParam("genre") String genre,
            @QueryParam("yearFrom") @Min(1800) @Max(2200) Integer yearFrom,
            @QueryParam("yearTo") @Min(1800) @Max(2200) Integer yearTo,
            @Parameter(description = "Movie ids to leave out, comma-separated (e.g. 50,181)") @QueryParam("exclude") String exclude,
            @QueryParam("explain") @DefaultValue("true") boolean explain,
            @Parameter(description = "`no-cache` ranks afresh from the user's graph side instead of reusing their ranking "
                    + "(which is exact until their ratings, the signals or the model change)")
            @HeaderParam("Cache-Control") String cacheControl) {
        if (yearFrom != null && yearTo != null && yearFrom > yearTo) {
            throw new InvalidParameterException("yearFrom", "must not be after yearTo (" + yearFrom + " > " + yearTo + ")");
        }
        RecommendationQuery query = new RecommendationQuery(limit, MovieResource.blankToNull(genre), yearFrom, yearTo,
                movieIds("exclude", exclude), explain,
                cacheControl != null && cacheControl.toLowerCase(java.util.Locale.ROOT).contains("no-cache"));
        // ranked on the serving pool (a few at a time, the rest in order), not on this HTTP worker thread
        return serving.submit(() -> recommendations.recommend(id, query));
    }

    /** "50, 181" → {50, 181}; anything else than comma-separated ids is a 400 on that field. */
    static java.util.Set<Long> movieIds(String field, String list) {
        java.util.Set<Long> out = new java.util.LinkedHashSet<>();
        if (list == null || list.isBlank()) {
            return out;
        }
        for (String part : list.split(",")) {
            try {
                out.add(Long.parseLong(part.strip()));
            } catch (NumberFormatException e) {
                throw new InvalidParameterException(field, "must be comma-separated movie ids, got '" + part.strip() + "'");
            }
        }
        return out;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One user: demographics, rating activity and genre affinities (after `signals`)")
    @APIResponse(responseCode = "200", description = "The user")
    @APIResponse(responseCode = "404", description = "No user with this id")
    public UserProfile user(@PathParam("id") @PositiveOrZero long id) {
        return users.profile(id);
    }
}
