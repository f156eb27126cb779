package io.cinegraph.api;

import io.cinegraph.guide.BrowserGuide;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** CineGraph's Neo4j Browser guide: in the Browser, {@code :play http://localhost:8080/guide/cinegraph.html}. */
@Path("/guide")
public class GuideResource {

    @Inject BrowserGuide guide;

    @GET
    @Path("/cinegraph.html")
    @Produces("text/html; charset=utf-8")
    @Operation(summary = "The Neo4j Browser guide (:play this URL in the Browser)", hidden = true)
    public Response guide() {
        // Neo4j Browser fetches a guide from its own page, which may be on another origin (Neo4j's own Browser)
        return Response.ok(guide.html()).header("Access-Control-Allow-Origin", "*").build();
    }
}
