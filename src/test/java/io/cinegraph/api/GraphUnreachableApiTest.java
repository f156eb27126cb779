package io.cinegraph.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * With the configured Neo4j out of reach (an external URI where nothing listens), every endpoint that needs the
 * graph answers 503 problem+json with Retry-After and no stack trace, and readiness is down; the service itself
 * keeps running.
 */
@QuarkusTest
@TestProfile(GraphUnreachableApiTest.Unreachable.class)
class GraphUnreachableApiTest {

    /** An external Neo4j URI on a port nothing listens on, with a short connection timeout. */
    public static class Unreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cinegraph.neo4j.uri", "bolt://127.0.0.1:9", "cinegraph.neo4j.connection-timeout-seconds", "1");
        }
    }

    @Test
    void graphEndpointsAnswer503WithRetryAfter() {
        for (String path : new String[]{"/api/users/1/recommendations", "/api/users/1", "/api/users/1/ratings",
                "/api/movies/1", "/api/movies/1/similar", "/api/movies?query=toy", "/api/movies/popular", "/api/genres"}) {
            given().get(path).then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", equalTo("5"))
                    .body("status", equalTo(503))
                    .body("detail", containsString("not reachable"))
                    .body(not(containsString("at io.cinegraph")));
        }
        given().contentType("application/json").body("{\"rating\": 4}").put("/api/users/1/ratings/1")
                .then().statusCode(503).header("Retry-After", equalTo("5"));
        given().contentType("application/json").body("{\"age\": 30, \"gender\": \"F\", \"occupation\": \"writer\", "
                + "\"zip\": \"10001\", \"likedGenres\": [\"Comedy\"]}").post("/api/users")
                .then().statusCode(503).header("Retry-After", equalTo("5"));
    }

    @Test
    void readinessIsDownAndLivenessUp() {
        given().get("/q/health/ready").then().statusCode(503);
        given().get("/q/health/live").then().statusCode(200);
    }
}
