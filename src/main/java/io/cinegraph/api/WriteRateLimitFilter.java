package io.cinegraph.api;

import io.cinegraph.support.ApiConfig;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Rate limiting of writes per client, off by default: with {@code cinegraph.api.write-rate-limit} = n > 0, each
 * client (by its remote address) may send n writes (POST, PUT, PATCH, DELETE under /api) per second; one more
 * gets a 429 problem with {@code Retry-After}. Reads are never limited. Behind a proxy every client shares the
 * proxy's address, so set the limit for the proxy or limit there.
 */
public class WriteRateLimitFilter {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final WriteLimits limits;

    public WriteRateLimitFilter(ApiConfig api) {
        this.limits = api.writeRateLimit() > 0 ? new WriteLimits(api.writeRateLimit(), Duration.ofSeconds(1)) : null;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> check(ContainerRequestContext request, HttpServerRequest http) {
        if (limits == null || !WRITES.contains(request.getMethod())
                || !request.getUriInfo().getPath().startsWith("/api/")) {
            return Optional.empty();
        }
        String client = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        if (limits.tryWrite(client)) {
            return Optional.empty();
        }
        Response.Status status = Response.Status.TOO_MANY_REQUESTS;
        return Optional.of(Response.status(status).type(Problem.MEDIA_TYPE)
                .header("Retry-After", limits.retryAfterSeconds())
                .entity(new Problem("about:blank#too-many-writes", status.getReasonPhrase(), status.getStatusCode(),
                        "This client sent more writes than the limit of cinegraph.api.write-rate-limit per second; "
                                + "nothing of this request was written. Retry after the Retry-After seconds.",
                        null, null)).build());
    }
}
