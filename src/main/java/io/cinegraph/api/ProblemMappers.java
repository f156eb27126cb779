package io.cinegraph.api;

import io.cinegraph.catalog.NotFoundException;
import io.cinegraph.graph.GraphUnavailableException;
import io.cinegraph.support.InvalidParameterException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/** Every error the API returns is problem+json; none carries a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** Seconds a client should wait before retrying when the database is unreachable. */
    static final int RETRY_AFTER_SECONDS = 5;

    @Context
    UriInfo uri;

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return problem(Response.Status.NOT_FOUND, "about:blank#not-found", e.getMessage(), null);
    }

    /** A body of the wrong shape or type: names the field by its path (e.g. {@code ratings[2].rating}). */
    @ServerExceptionMapper
    public Response mismatched(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
        return json(e);
    }

    /** A body that is not JSON, or has something after its value. */
    @ServerExceptionMapper
    public Response json(com.fasterxml.jackson.core.JsonProcessingException e) {
        return problem(Response.Status.BAD_REQUEST, "about:blank#invalid-body", "The request body cannot be read.",
                List.of(JsonProblems.describe(e)));
    }

    @ServerExceptionMapper
    public Response conflict(io.cinegraph.catalog.ConflictException e) {
        return problem(Response.Status.CONFLICT, "about:blank#conflict", e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response unavailable(GraphUnavailableException e) {
        LOG.warn(e.getMessage());
        return Response.fromResponse(problem(Response.Status.SERVICE_UNAVAILABLE, "about:blank#graph-unavailable",
                "The graph database is not reachable right now; retry shortly.", null))
                .header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    @ServerExceptionMapper
    public Response busy(io.cinegraph.recommend.ServingPool.BusyException e) {
        return Response.fromResponse(problem(Response.Status.SERVICE_UNAVAILABLE, "about:blank#serving-busy",
                e.getMessage(), null)).header("Retry-After", 1).build();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(leaf(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(java.util.Comparator.comparing(Problem.FieldError::field))
                .toList();
        return problem(Response.Status.BAD_REQUEST, "about:blank#invalid-parameters",
                "Some parameters are invalid.", errors);
    }

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e) {
        return problem(Response.Status.BAD_REQUEST, "about:blank#invalid-parameters", "Some parameters are invalid.",
                e.errors().stream().map(f -> new Problem.FieldError(f.field(), f.message())).toList());
    }

    @ServerExceptionMapper
    public Response alreadyRunning(io.cinegraph.training.RetrainService.AlreadyRunningException e) {
        return problem(Response.Status.CONFLICT, "about:blank#retrain-running", e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response unusableModel(io.cinegraph.ranker.ModelException e) {
        return problem(Response.Status.CONFLICT, "about:blank#model-unusable", e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof com.fasterxml.jackson.core.JsonProcessingException json) {
                return json(json); // a body the HTTP layer could not read as JSON
            }
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        return problem(status, "about:blank", e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("Unexpected error on " + (uri != null ? uri.getPath() : "?"), e);
        return problem(Response.Status.INTERNAL_SERVER_ERROR, "about:blank#internal-error",
                "Something went wrong on our side; it has been logged.", null);
    }

    /** "recommendations.limit" → "limit". */
    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private Response problem(Response.StatusType status, String type, String detail, List<Problem.FieldError> errors) {
        Problem body = new Problem(type, status.getReasonPhrase(), status.getStatusCode(), detail,
                uri != null ? uri.getPath() : null, errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }
}
