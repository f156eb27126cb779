package io.cinegraph.api;

import io.cinegraph.graph.Graph;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.io.InputStream;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * Serves Neo4j Browser (the static files of the {@code neo4j-browser} jar) at {@code /browser/}, pre-set to
 * connect to the graph the service uses. The Browser then talks Bolt (over WebSocket) to that database.
 */
@Path("/browser")
public class BrowserResource {

    private static final String ROOT = "browser/";
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"), Map.entry("json", "application/json"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("ico", "image/x-icon"),
            Map.entry("woff", "font/woff"), Map.entry("woff2", "font/woff2"), Map.entry("ttf", "font/ttf"),
            Map.entry("eot", "application/vnd.ms-fontobject"), Map.entry("map", "application/json"),
            Map.entry("txt", "text/plain; charset=utf-8"), Map.entry("jpg", "image/jpeg"), Map.entry("gif", "image/gif"));

    @Inject Graph graph;

    /** The Browser's page; without a connect URL, redirects to itself with the graph's Bolt address. */
    @GET
    @Path("/")
    @Operation(hidden = true)
    public Response index(@QueryParam("connectURL") String connectUrl) {
        if (connectUrl == null) {
            URI bolt = graph.boltUri();
            String target = "bolt://" + ("127.0.0.1".equals(bolt.getHost()) ? "localhost" : bolt.getHost()) + ":" + bolt.getPort();
            UriBuilder redirect = UriBuilder.fromPath("/browser/").queryParam("connectURL", target);
            if (graph.isEmbedded()) {
                redirect.queryParam("preselectAuthMethod", "NO_AUTH");
            }
            return Response.seeOther(redirect.build()).build();
        }
        return file("index.html");
    }

    @GET
    @Path("/{file: .+}")
    @Operation(hidden = true)
    public Response file(@PathParam("file") String file) {
        if (file.contains("..") || file.startsWith("/")) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(ROOT + file);
        if (in == null) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        String ext = file.substring(file.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return Response.ok(in, TYPES.getOrDefault(ext, "application/octet-stream"))
                .header("Cache-Control", file.equals("index.html") ? "no-cache" : "max-age=86400")
                .build();
    }
}
