package io.cinegraph.api;

import io.cinegraph.support.ApiConfig;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;

/**
 * A request URI longer than {@code cinegraph.api.max-uri-length} gets a 414 problem before any resource runs. The
 * HTTP layer accepts request lines well beyond it ({@code quarkus.http.limits.max-initial-line-length}), so that
 * this answer, not the server's bare one, is what a client sees.
 */
public class UriLengthFilter {

    private final int maxLength;

    public UriLengthFilter(ApiConfig api) {
        this.maxLength = api.maxUriLength();
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> check(ContainerRequestContext request) {
        int length = request.getUriInfo().getRequestUri().toString().length();
        if (length <= maxLength) {
            return Optional.empty();
        }
        Response.Status status = Response.Status.REQUEST_URI_TOO_LONG;
        return Optional.of(Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank#uri-too-long", status.getReasonPhrase(), status.getStatusCode(),
                        "The request URI has " + length + " characters; at most " + maxLength + " are accepted. "
                                + "Send long inputs in a request body.", null, null)).build());
    }
}
