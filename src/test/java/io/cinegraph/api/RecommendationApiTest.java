package io.cinegraph.api;

import io.cinegraph.graph.IngestRepository;
import io.cinegraph.ingest.ImportOptions;
import io.cinegraph.ingest.Importer;
import io.cinegraph.ingest.SyntheticGenerator;
import io.cinegraph.recommend.ModelRegistry;
import io.cinegraph.recommend.TrainingService;
import io.cinegraph.ranker.RankerConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Recommendations over HTTP from a ranker trained on the service's own graph (generated data with planted
 * tastes): scores, predicted stars, explanations, filters before truncation, and field-level 400s.
 */
@QuarkusTest
class RecommendationApiTest {

    private static boolean trained;

    @Inject
    Importer importer;

    @Inject
    IngestRepository ingest;

    @Inject
    TrainingService training;

    @Inject
    ModelRegistry registry;

    @Inject
    RankerConfig config;

    @BeforeEach
    void trainedGraph() throws Exception {
        if (trained) {
            return;
        }
        ingest.clearGraph();
        Path dir = Files.createTempDirectory("cinegraph-recs");
        new SyntheticGenerator(new SyntheticGenerator.Params(120, 150, 6_000, 3, dir, SyntheticGenerator.Layout.ML_100K)).write();
        importer.run(dir, new ImportOptions(1_000, ImportOptions.OnError.FAIL, null, false));
        registry.promote(training.train(true), config.keepModels());
        trained = true;
    }

    @Test
    void aUserGetsRankedMoviesWithScorePredictedStarsAndWhy() {
        JsonPath answer = given().get("/api/users/7/recommendations?limit=8").then().statusCode(200)
                .body("userId", equalTo(7))
                .body("fallback", equalTo(false))
                .body("model", equalTo(registry.active().orElseThrow().info().version()))
                .extract().jsonPath();
        List<Map<String, Object>> items = answer.getList("items");
        assertThat(items).hasSize(8);
        List<Integer> rated = given().get("/api/users/7/ratings").then().extract().jsonPath().getList("movieId");
        double previous = Double.MAX_VALUE;
        for (Map<String, Object> item : items) {
            double score = ((Number) item.get("score")).doubleValue();
            assertThat(score).isBetween(0.0, 1.0).isLessThanOrEqualTo(previous);
            previous = score;
            assertThat(((Number) item.get("predictedRating")).doubleValue()).isBetween(1.0, 5.0);
            assertThat((String) ((Map<?, ?>) item.get("explanation")).get("sentence")).isNotBlank();
            assertThat(rated).doesNotContain(((Number) item.get("movieId")).intValue());
        }
    }

    @Test
    void filtersApplyBeforeTruncation() {
        List<Map<String, Object>> drama = given().get("/api/users/7/recommendations?limit=10&genre=drama")
                .then().statusCode(200).extract().jsonPath().getList("items");
        assertThat(drama).hasSize(10).allSatisfy(item -> assertThat(item.get("genres").toString()).contains("Drama"));
        List<Map<String, Object>> years = given().get("/api/users/7/recommendations?limit=5&yearFrom=1990&yearTo=1995")
                .then().statusCode(200).extract().jsonPath().getList("items");
        assertThat(years).isNotEmpty().allSatisfy(item -> assertThat((Integer) item.get("year")).isBetween(1990, 1995));
        int top = given().get("/api/users/7/recommendations?limit=3").then().extract().jsonPath().getInt("items[0].movieId");
        List<Integer> without = given().get("/api/users/7/recommendations?limit=3&exclude=" + top)
                .then().statusCode(200).extract().jsonPath().getList("items.movieId");
        assertThat(without).hasSize(3).doesNotContain(top);
    }

    @Test
    void aRatingWrittenThroughTheApiChangesTheNextAnswer() {
        int top = given().get("/api/users/11/recommendations?limit=5").then().statusCode(200)
                .extract().jsonPath().getInt("items[0].movieId");
        given().contentType("application/json").body("{\"rating\": 5}")
                .put("/api/users/11/ratings/" + top).then().statusCode(201)
                .body("created", equalTo(true)).body("rating", equalTo(5.0f));
        List<Integer> next = given().get("/api/users/11/recommendations?limit=5").then().statusCode(200)
                .extract().jsonPath().getList("items.movieId");
        assertThat(next).hasSize(5).doesNotContain(top);
        assertThat(given().get("/api/users/11/ratings").then().statusCode(200).extract().jsonPath()
                .getInt("[0].movieId")).isEqualTo(top);
        given().contentType("application/json").body("{\"rating\": 3}")
                .put("/api/users/11/ratings/" + top).then().statusCode(200).body("created", equalTo(false));
        given().delete("/api/users/11/ratings/" + top).then().statusCode(204);
        given().delete("/api/users/11/ratings/" + top).then().statusCode(404).contentType("application/problem+json");
        List<Integer> after = given().get("/api/users/11/recommendations?limit=5").then().statusCode(200)
                .extract().jsonPath().getList("items.movieId");
        assertThat(after).contains(top);
    }

    @Test
    void aRatingOffTheScaleIsRefusedAndNothingIsStored() {
        int before = given().get("/api/users/12/ratings").then().extract().jsonPath().getList("$").size();
        given().contentType("application/json").body("{\"rating\": 7}").put("/api/users/12/ratings/3")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("rating"))
                .body("errors[0].message", equalTo("must be between 1 and 5 in steps of 1 (this dataset's scale), got 7"));
        given().contentType("application/json").body("{\"rating\": 3.5}").put("/api/users/12/ratings/3")
                .then().statusCode(400).body("errors[0].field", equalTo("rating"));
        given().contentType("application/json").body("{}").put("/api/users/12/ratings/3")
                .then().statusCode(400).body("errors[0].field", equalTo("rating"));
        given().contentType("application/json").body("{\"rating\": 4}").put("/api/users/12/ratings/99999")
                .then().statusCode(404);
        assertThat(given().get("/api/users/12/ratings").then().extract().jsonPath().getList("$")).hasSize(before);
    }

    @Test
    void badParametersAreFieldLevelProblems() {
        given().get("/api/users/7/recommendations?limit=0").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
        given().get("/api/users/7/recommendations?limit=101").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        given().get("/api/users/7/recommendations?yearFrom=2000&yearTo=1990").then().statusCode(400)
                .body("errors[0].field", equalTo("yearFrom"));
        given().get("/api/users/7/recommendations?exclude=12,abc").then().statusCode(400)
                .body("errors[0].field", equalTo("exclude"))
                .body("errors[0].message", equalTo("must be comma-separated movie ids, got 'abc'"));
        given().get("/api/users/99999/recommendations").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
