package io.cinegraph.api;

import io.cinegraph.graph.Graph;
import io.cinegraph.graph.IngestRepository;
import io.cinegraph.ingest.Fixtures;
import io.cinegraph.ingest.ImportOptions;
import io.cinegraph.ingest.Importer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** The first REST surface over HTTP, on the service's own embedded graph filled from a fixture. */
@QuarkusTest
class ApiTest {

    @TempDir
    Path tmp;

    @Inject
    Importer importer;

    @Inject
    IngestRepository ingest;

    @Inject
    Graph graph;

    @BeforeEach
    void fixtureGraph() throws Exception {
        ingest.clearGraph();
        Path dir = Fixtures.csv(Files.createDirectories(tmp.resolve("cinegraph-api")));
        importer.run(dir, new ImportOptions(100, ImportOptions.OnError.FAIL, null, false));
    }

    @Test
    void theBrowserGuideIsServedForPlay() {
        given().get("/guide/cinegraph.html").then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/html"))
                .body(org.hamcrest.Matchers.containsString("<article class=\"guide\""))
                .body(org.hamcrest.Matchers.containsString("Why was this recommended?"));
    }

    @Test
    void crossOriginRequestsGetNoCorsHeaders() {
        given().header("Origin", "https://elsewhere.example").header("Access-Control-Request-Method", "POST")
                .options("/api/ratings").then().header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
        given().header("Origin", "https://elsewhere.example").get("/api/movies/1").then().statusCode(200)
                .header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aMovieHasItsTitleYearGenresAndRatings() {
        given().get("/api/movies/1").then().statusCode(200)
                .body("title", equalTo("Toy Story"))
                .body("year", equalTo(1995))
                .body("genres", contains("Adventure", "Animation", "Children", "Comedy", "Fantasy"))
                .body("ratingCount", equalTo(2))
                .body("meanRating", equalTo(4.5f))
                .body("imdbId", equalTo("0114709"));
    }

    @Test
    void aMovieAddedThroughTheApiCanBeFoundAndRatedAtOnce() {
        int id = given().contentType("application/json")
                .body("{\"title\": \"Arrival\", \"year\": 2016, \"genres\": [\"sci-fi\", \"Thriller\"], \"imdbId\": \"tt2543164\"}")
                .post("/api/movies").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.matchesPattern(".*/api/movies/\\d+"))
                .body("title", equalTo("Arrival"))
                .body("genres", org.hamcrest.Matchers.containsInAnyOrder("Sci-Fi", "Thriller"))
                .extract().path("movieId");
        assertThat(id).isEqualTo(5); // the next free id after the fixture's four
        given().get("/api/movies/" + id).then().statusCode(200).body("year", equalTo(2016)).body("ratingCount", equalTo(0));
        given().get("/api/movies?query=arrival").then().statusCode(200).body("items.movieId", contains(id));
        given().contentType("application/json").body("{\"rating\": 4.5}").put("/api/users/2/ratings/" + id)
                .then().statusCode(201);
        given().contentType("application/json").body("{\"movieId\": " + id + ", \"title\": \"Again\"}")
                .post("/api/movies").then().statusCode(409).contentType("application/problem+json");
        given().contentType("application/json").body("{\"title\": \" \", \"year\": 1700}").post("/api/movies")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("title", "year"));
        given().contentType("application/json").body("{\"title\": \"Polka Nights\", \"genres\": [\"Polka\"]}")
                .post("/api/movies").then().statusCode(400).body("errors[0].field", equalTo("genres"));
        given().get("/api/movies/6").then().statusCode(404); // nothing half-written by the refused ones
    }

    @Test
    void everyMalformedRequestIsAProblemNamingWhatIsWrongAndWritesNothing() {
        Map<String, String> bodies = new java.util.LinkedHashMap<>();
        bodies.put("[]", "body");
        bodies.put("{\"rating\": \"five\"}", "rating");
        bodies.put("{\"rating\": \"4\"}", "rating");
        bodies.put("{\"rating\": [4]}", "rating");
        bodies.put("{\"rating\": {\"value\": 4}}", "rating");
        bodies.put("{\"rating\": 4} {\"rating\": 1}", "body");
        bodies.put("{\"rating\": 4}]", "body");
        bodies.put("{\"ratng\": 4}", "ratng");
        bodies.put("{\"rating\": 4", "body");
        bodies.forEach((body, field) -> given().contentType("application/json").body(body).put("/api/users/1/ratings/2")
                .then().log().ifValidationFails().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo(field)).body("errors[0].message", notNullValue()));
        given().contentType("application/json").body("{\"ratings\": [{\"userId\": 1, \"movieId\": \"x\", \"rating\": 4}]}")
                .post("/api/ratings").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("ratings[0].movieId"));
        given().get("/api/movies?query=" + "a".repeat(9_000)).then().statusCode(414)
                .contentType("application/problem+json").body("status", equalTo(414));
        given().contentType("application/json").body("{\"age\": 30, \"occupation\": \"  \"}").post("/api/users")
                .then().statusCode(400).body("errors[0].field", equalTo("occupation"));
        given().contentType("application/json").body("{\"age\": 30, \"zip\": \"\"}").post("/api/users")
                .then().statusCode(400).body("errors[0].field", equalTo("zip"));
        // user 1 rated movie 2 3.5 stars in the fixture, and still has
        given().get("/api/users/1/ratings").then().statusCode(200)
                .body("find { it.movieId == 2 }.rating", equalTo(3.5f));
        given().get("/api/stats").then().statusCode(200).body("counts.users", equalTo(3)).body("counts.ratings", equalTo(5));
    }

    @Test
    void anUnknownMovieIsAProblemWith404() {
        given().get("/api/movies/999").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Not Found"))
                .body("detail", equalTo("No movie with id 999 in the graph."))
                .body("instance", equalTo("/api/movies/999"));
    }

    @Test
    void aUserHasDemographicsAndRatingActivity() {
        given().get("/api/users/2").then().statusCode(200)
                .body("userId", equalTo(2))
                .body("ratingCount", equalTo(2))
                .body("meanRating", equalTo(2.25f));
        given().get("/api/users/77").then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("No user with id 77 in the graph."));
    }

    @Test
    void aNegativeIdIsABadRequestNamingTheParameter() {
        given().get("/api/movies/-3").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("id"));
    }

    @Test
    void statsCountTheGraphAndNameTheDataset() {
        given().get("/api/stats").then().statusCode(200)
                .body("counts.users", equalTo(3))
                .body("counts.movies", equalTo(4))
                .body("counts.genres", equalTo(8))
                .body("counts.ratings", equalTo(5))
                .body("counts.tags", equalTo(2))
                .body("dataset.format", equalTo("ml-latest/ml-25m/ml-32m"))
                .body("dataset.complete", equalTo(true))
                .body("dataset.ratingStep", equalTo(0.5f));
    }

    @Test
    void readinessIncludesNeo4j() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'neo4j' }.data.mode", equalTo("embedded"))
                .body("checks.find { it.name == 'ranker' }.data.model", notNullValue());
    }

    @Test
    void openApiDescribesTheEndpointsAndSwaggerUiIsServed() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/movies/{id}'", notNullValue())
                .body("paths.'/api/users/{id}'", notNullValue())
                .body("paths.'/api/stats'", notNullValue());
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void neo4jBrowserIsServedAndPointedAtTheServicesBoltPort() {
        int port = graph.boltUri().getPort();
        given().redirects().follow(false).get("/browser/").then().statusCode(303)
                .header("Location", containsString("connectURL=bolt%3A%2F%2Flocalhost%3A" + port))
                .header("Location", containsString("preselectAuthMethod=NO_AUTH"));
        given().get("/browser/?connectURL=bolt://localhost:" + port).then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("Neo4j Browser"));
        given().get("/browser/../application.properties").then().statusCode(404);
    }
}
