package io.cinegraph.api;

import io.cinegraph.graph.Graph;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.Set;

/**
 * Read-your-own-writes across replicas: a successful write answers with a {@value #HEADER} header (the database's
 * bookmarks after it); a request that sends one back, to any replica, is served once the database has applied those
 * writes. Within one replica this holds without the header (its reads share its writes' bookmarks).
 */
public class BookmarkFilter {

    public static final String HEADER = "CineGraph-Bookmark";
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final Graph graph;

    public BookmarkFilter(Graph graph) {
        this.graph = graph;
    }

    @ServerRequestFilter
    public void await(ContainerRequestContext request) {
        String token = request.getHeaderString(HEADER);
        if (token != null && !token.isBlank()) {
            graph.awaitBookmarks(token, HEADER);
        }
    }

    @ServerResponseFilter
    public void answer(ContainerRequestContext request, ContainerResponseContext response) {
        if (WRITES.contains(request.getMethod()) && response.getStatus() < 300
                && request.getUriInfo().getPath().startsWith("/api/")) {
            try {
                response.getHeaders().putSingle(HEADER, graph.bookmarkToken());
            } catch (RuntimeException e) {
                // the write is done; without a token the client reads as any client does
            }
        }
    }
}
