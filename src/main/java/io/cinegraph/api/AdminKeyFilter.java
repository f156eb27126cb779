package io.cinegraph.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Guards {@code /api/admin}: the request must carry the configured key in {@code X-API-Key} (compared in
 * constant time) or it gets 401. No key is shipped; with none configured the admin endpoints are disabled (403).
 */
public class AdminKeyFilter {

    static final String HEADER = "X-API-Key";

    private final Optional<String> apiKey;

    public AdminKeyFilter(@ConfigProperty(name = "cinegraph.admin.api-key") Optional<String> apiKey) {
        this.apiKey = apiKey.filter(k -> !k.isBlank());
    }

    @ServerRequestFilter
    public Optional<Response> check(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api/admin")) {
            return Optional.empty();
        }
        if (apiKey.isEmpty()) {
            return Optional.of(problem(Response.Status.FORBIDDEN, "Admin endpoints are disabled: no API key is configured "
                    + "(set CINEGRAPH_ADMIN_API_KEY or cinegraph.admin.api-key).", path));
        }
        String given = request.getHeaderString(HEADER);
        if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                apiKey.get().getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(Response.fromResponse(problem(Response.Status.UNAUTHORIZED,
                    (given == null ? "Missing" : "Wrong") + " API key: send it in the " + HEADER + " header.", path))
                    .header("WWW-Authenticate", "ApiKey header=\"" + HEADER + "\"").build());
        }
        return Optional.empty();
    }

    private static Response problem(Response.Status status, String detail, String path) {
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank#" + (status == Response.Status.FORBIDDEN ? "admin-disabled" : "unauthorized"),
                        status.getReasonPhrase(), status.getStatusCode(), detail, path, null)).build();
    }
}
