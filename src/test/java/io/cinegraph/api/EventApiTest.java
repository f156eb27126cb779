package io.cinegraph.api;

import io.cinegraph.graph.IngestRepository;
import io.cinegraph.ingest.ImportOptions;
import io.cinegraph.ingest.Importer;
import io.cinegraph.ingest.SyntheticGenerator;
import io.cinegraph.recommend.RecommendationIds;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Implicit feedback over HTTP: events validated and stored once, views as history, online figures per model. */
@QuarkusTest
class EventApiTest {

    private static final String KEY = "test-admin-key";
    private static boolean imported;

    @TempDir
    Path tmp;

    @Inject
    Importer importer;

    @Inject
    IngestRepository ingest;

    @BeforeEach
    void graph() throws Exception {
        if (imported) {
            return;
        }
        ingest.clearGraph();
        Path dir = Files.createDirectories(tmp.resolve("cinegraph-events"));
        new SyntheticGenerator(new SyntheticGenerator.Params(120, 150, 6_000, 3, dir, SyntheticGenerator.Layout.ML_100K)).write();
        importer.run(dir, new ImportOptions(1_000, ImportOptions.OnError.FAIL, null, false));
        imported = true;
    }

    @Test
    void badEventsAreRefusedWithTheFieldAndNothingOfABadBatchIsStored() {
        event(1, "{\"movieId\": 5, \"type\": \"watch\"}").statusCode(400).body("errors.field", hasItem("type"));
        event(1, "{\"type\": \"view\"}").statusCode(400).body("errors.field", hasItem("movieId"));
        event(1, "{\"movieId\": 5, \"type\": \"click\", \"recommendationId\": \"made-up\"}").statusCode(400)
                .body("errors.field", hasItem("recommendationId"));
        event(1, "{\"movieId\": 5, \"type\": \"click\", \"eventId\": \"has a space\"}").statusCode(400)
                .body("errors.field", hasItem("eventId"));
        event(1, "{\"movieId\": 5, \"type\": \"click\", \"at\": 99999999999}").statusCode(400)
                .body("errors.field", hasItem("at"));
        event(99_999, "{\"movieId\": 5, \"type\": \"view\"}").statusCode(404);
        event(1, "{\"movieId\": 99999, \"type\": \"view\"}").statusCode(404);

        String good = "good-" + UUID.randomUUID();
        String goodItem = "{\"userId\": 1, \"movieId\": 5, \"type\": \"click\", \"eventId\": \"" + good + "\"}";
        given().contentType("application/json").body("{\"events\": [" + goodItem + ", {\"movieId\": 5, \"type\": \"view\"}]}")
                .post("/api/events").then().statusCode(400).body("errors.field", equalTo(List.of("events[1].userId")));
        given().contentType("application/json").body("{\"events\": [" + goodItem
                        + ", {\"userId\": 1, \"movieId\": 99999, \"type\": \"view\"}]}")
                .post("/api/events").then().statusCode(400).body("errors.field", equalTo(List.of("events[1].movieId")));
        event(1, "{\"movieId\": 5, \"type\": \"click\", \"eventId\": \"" + good + "\"}").statusCode(201)
                .body("created", equalTo(true));
    }

    @Test
    void anEventIdIsStoredOnce() {
        String id = "dup-" + UUID.randomUUID();
        String body = "{\"movieId\": 7, \"type\": \"impression\", \"eventId\": \"" + id + "\"}";
        event(2, body).statusCode(201).body("created", equalTo(true)).body("eventId", equalTo(id));
        event(2, body).statusCode(200).body("created", equalTo(false));
        given().contentType("application/json").body("{\"events\": [{\"userId\": 2, \"movieId\": 7, \"type\": "
                        + "\"impression\", \"eventId\": \"" + id + "\"}, {\"userId\": 2, \"movieId\": 8, \"type\": \"impression\"}]}")
                .post("/api/events").then().statusCode(200).body("stored", equalTo(1)).body("duplicates", equalTo(1));
    }

    @Test
    void aViewIsHistoryTheNextAnswerLeavesTheMovieOutAndTheRatingsStayAsTheyWere() {
        JsonPath first = given().get("/api/users/7/recommendations?limit=5").then().statusCode(200).extract().jsonPath();
        assertThat(first.getString("recommendationId")).startsWith("r1.");
        int top = first.getInt("items[0].movieId");
        int ratings = given().get("/api/users/7/ratings").then().statusCode(200).extract().jsonPath().getList("$").size();

        event(7, "{\"movieId\": " + top + ", \"type\": \"view\", \"recommendationId\": \""
                + first.getString("recommendationId") + "\"}").statusCode(201);
        List<Integer> next = given().get("/api/users/7/recommendations?limit=5").then().statusCode(200).extract()
                .jsonPath().getList("items.movieId", Integer.class);
        assertThat(next).hasSize(5).doesNotContain(top);
        assertThat(given().get("/api/users/7/ratings").then().extract().jsonPath().getList("$")).hasSize(ratings);
    }

    @Test
    void onlineFiguresPerModelAndVariantAreExactOnAHandMadeLog() {
        String a = "test-model-a-" + UUID.randomUUID();
        String b = "test-model-b-" + UUID.randomUUID();
        long now = System.currentTimeMillis();
        String recA = RecommendationIds.issue(a, "default", now);
        String recB = RecommendationIds.issue(b, "default", now);
        long shownAt = now / 1000 - 100;
        // a: 4 impressions of 4 movies to user 20, 1 click, 2 views, 1 skip; b: 2 impressions of one movie, 1 skip
        StringBuilder log = new StringBuilder("{\"events\": [");
        int[][] rows = {{20, 30}, {20, 31}, {20, 32}, {20, 33}};
        for (int[] r : rows) {
            log.append(String.format("{\"userId\": %d, \"movieId\": %d, \"type\": \"impression\", \"recommendationId\": \"%s\", \"at\": %d},",
                    r[0], r[1], recA, shownAt));
        }
        log.append(String.format("{\"userId\": 20, \"movieId\": 30, \"type\": \"click\", \"recommendationId\": \"%s\"},", recA));
        log.append(String.format("{\"userId\": 20, \"movieId\": 30, \"type\": \"view\", \"recommendationId\": \"%s\"},", recA));
        log.append(String.format("{\"userId\": 20, \"movieId\": 31, \"type\": \"view\", \"recommendationId\": \"%s\"},", recA));
        log.append(String.format("{\"userId\": 20, \"movieId\": 33, \"type\": \"skip\", \"recommendationId\": \"%s\"},", recA));
        log.append(String.format("{\"userId\": 21, \"movieId\": 40, \"type\": \"impression\", \"recommendationId\": \"%s\", \"at\": %d},", recB, shownAt));
        log.append(String.format("{\"userId\": 22, \"movieId\": 40, \"type\": \"impression\", \"recommendationId\": \"%s\", \"at\": %d},", recB, shownAt));
        log.append(String.format("{\"userId\": 22, \"movieId\": 40, \"type\": \"skip\", \"recommendationId\": \"%s\"}", recB));
        log.append("]}");
        given().contentType("application/json").body(log.toString()).post("/api/events").then().statusCode(200)
                .body("stored", equalTo(11));
        // user 20 rates one of a's impressions after it was shown
        given().contentType("application/json").body("{\"rating\": 4}").put("/api/users/20/ratings/32").then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201));

        List<Map<String, Object>> variants = given().header("X-API-Key", KEY).get("/api/admin/experiments?days=30")
                .then().statusCode(200).body("windowDays", equalTo(30)).extract().jsonPath().getList("variants");
        Map<String, Object> ofA = variants.stream().filter(v -> a.equals(v.get("model"))).findFirst().orElseThrow();
        Map<String, Object> ofB = variants.stream().filter(v -> b.equals(v.get("model"))).findFirst().orElseThrow();
        assertThat(ofA).containsEntry("variant", "default").containsEntry("impressions", 4).containsEntry("clicks", 1)
                .containsEntry("views", 2).containsEntry("skips", 1).containsEntry("clickThrough", 0.25f)
                .containsEntry("viewThrough", 0.5f).containsEntry("ratedAfterRate", 0.25f)
                .containsEntry("meanRatingAfter", 4.0f).containsEntry("catalogueCoverage", 4 / 150f);
        assertThat(ofB).containsEntry("impressions", 2).containsEntry("clicks", 0).containsEntry("skips", 1)
                .containsEntry("clickThrough", 0.0f).containsEntry("ratedAfterRate", 0.0f)
                .containsEntry("catalogueCoverage", 1 / 150f);
        assertThat(ofB.get("meanRatingAfter")).isNull();
        given().get("/api/admin/experiments").then().statusCode(401);
    }

    private static io.restassured.response.ValidatableResponse event(long userId, String body) {
        return given().contentType("application/json").body(body).post("/api/users/" + userId + "/events").then();
    }
}
