package io.cinegraph.api;

import io.cinegraph.graph.IngestRepository;
import io.cinegraph.ingest.ImportOptions;
import io.cinegraph.ingest.Importer;
import io.cinegraph.ingest.SyntheticGenerator;
import io.cinegraph.ranker.RankerConfig;
import io.cinegraph.training.ModelRegistry;
import io.cinegraph.training.TrainingService;
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

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Recommendations over HTTP from a ranker trained on the service's own graph (generated data with planted
 * tastes): scores, predicted stars, explanations, filters before truncation, and field-level 400s.
 */
@QuarkusTest
class RecommendationApiTest {

    @TempDir
    Path tmp;

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

    @Inject
    RequestWarmUp requestWarmUp;

    @BeforeEach
    void trainedGraph() throws Exception {
        if (trained) {
            return;
        }
        ingest.clearGraph();
        Path dir = Files.createDirectories(tmp.resolve("cinegraph-recs"));
        new SyntheticGenerator(new SyntheticGenerator.Params(120, 150, 6_000, 3, dir, SyntheticGenerator.Layout.ML_100K)).write();
        importer.run(dir, new ImportOptions(1_000, ImportOptions.OnError.FAIL, null, false));
        registry.promote(training.train(true), config.keepModels());
        trained = true;
    }

    @Test
    void theStartUpWarmUpAsksTheServiceItselfForRecommendationsOverLoopback() {
        // the bean finds the port the server listens on; the test profile asks for 40 requests
        assertThat(requestWarmUp.run(List.of(7L, 8L, 9L))).isEqualTo(40);
        // a service it cannot reach, or on a port it does not know, is not warmed (and start-up goes on)
        assertThat(new RequestWarmUp(() -> "http://127.0.0.1:1", 10, java.time.Duration.ofSeconds(5)).run(List.of(7L)))
                .isZero();
        assertThat(new RequestWarmUp(() -> RequestWarmUp.loopback("0.0.0.0", 0), 10, java.time.Duration.ofSeconds(5))
                .run(List.of(7L))).isZero();
        assertThat(RequestWarmUp.loopback("::", 8080)).isEqualTo("http://127.0.0.1:8080");
        assertThat(RequestWarmUp.loopback("10.0.0.5", 8080)).isEqualTo("http://10.0.0.5:8080");
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
    void aKeptRankingAnswersExactlyAsRankingAfresh() throws InterruptedException {
        // the generators' candidates arrive in the background after the first request and change the ranking
        // once, so a pair may straddle that; within a few rounds both must agree
        boolean agreed = false;
        for (int round = 0; round < 5 && !agreed; round++) {
            List<Object> fresh = given().header("Cache-Control", "no-cache").get("/api/users/9/recommendations?limit=20")
                    .then().statusCode(200).extract().jsonPath().getList("items");
            List<Object> kept = given().get("/api/users/9/recommendations?limit=20").then().statusCode(200)
                    .extract().jsonPath().getList("items");
            assertThat(kept).hasSize(20);
            agreed = kept.equals(fresh);
            Thread.sleep(200);
        }
        assertThat(agreed).as("the kept ranking answers as ranking afresh does").isTrue();
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
    void everyAcknowledgedWriteIsInTheVeryNextAnswer() {
        Map<Integer, Float> written = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
            int top = given().get("/api/users/12/recommendations?limit=10").then().statusCode(200)
                    .extract().jsonPath().getInt("items[0].movieId");
            float stars = 1 + i % 5;
            given().contentType("application/json").body("{\"rating\": " + stars + "}")
                    .put("/api/users/12/ratings/" + top).then().statusCode(201);
            written.put(top, stars);
            var next = given().get("/api/users/12/recommendations?limit=10").then().statusCode(200).extract().jsonPath();
            assertThat(next.getList("items.movieId", Integer.class)).as("after write %d", i + 1).hasSize(10)
                    .doesNotContainAnyElementsOf(written.keySet());
            // an explanation that cites a movie the user rated cites the rating as it is now
            List<Map<String, Object>> facts = next.getList("items.explanation.facts");
            facts.stream().filter(f -> f != null && f.get("fromMovieId") != null && f.get("yourRating") != null
                            && written.containsKey(((Number) f.get("fromMovieId")).intValue()))
                    .forEach(f -> assertThat(((Number) f.get("yourRating")).floatValue())
                            .isEqualTo(written.get(((Number) f.get("fromMovieId")).intValue())));
            Map<Integer, Float> stored = new java.util.HashMap<>();
            given().get("/api/users/12/ratings").then().statusCode(200).extract().jsonPath().getList("$", Map.class)
                    .forEach(r -> stored.put(((Number) r.get("movieId")).intValue(), ((Number) r.get("rating")).floatValue()));
            assertThat(stored).containsAllEntriesOf(written);
        }
    }

    @Test
    void aBatchOfRatingsIsWrittenWholeOrRefusedWholeNamingEachBadItem() throws Exception {
        List<Integer> top = given().get("/api/users/21/recommendations?limit=3").then().statusCode(200)
                .extract().jsonPath().getList("items.movieId");
        int before21 = given().get("/api/users/21/ratings").then().extract().jsonPath().getList("$").size();
        int before22 = given().get("/api/users/22/ratings").then().extract().jsonPath().getList("$").size();
        String bad = "{\"ratings\": [{\"userId\": 21, \"movieId\": " + top.get(0) + ", \"rating\": 5},"
                + "{\"userId\": 22, \"movieId\": 99999, \"rating\": 4},"
                + "{\"userId\": 22, \"movieId\": 3, \"rating\": 9},"
                + "{\"userId\": 21, \"movieId\": " + top.get(0) + ", \"rating\": 4},"
                + "{\"movieId\": 3, \"rating\": 4}]}";
        given().contentType("application/json").body(bad).post("/api/ratings").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("ratings[2].rating", "ratings[3]",
                        "ratings[4].userId"));
        // the fields are fine now but a movie is unknown: still nothing written
        String unknown = "{\"ratings\": [{\"userId\": 21, \"movieId\": " + top.get(0) + ", \"rating\": 5},"
                + "{\"userId\": 22, \"movieId\": 99999, \"rating\": 4}]}";
        given().contentType("application/json").body(unknown).post("/api/ratings").then().statusCode(400)
                .body("errors[0].field", equalTo("ratings[1].movieId")).body("errors[0].message", equalTo("no movie 99999"));
        assertThat(given().get("/api/users/21/ratings").then().extract().jsonPath().getList("$")).hasSize(before21);
        assertThat(given().get("/api/users/22/ratings").then().extract().jsonPath().getList("$")).hasSize(before22);

        String good = "{\"ratings\": [{\"userId\": 21, \"movieId\": " + top.get(0) + ", \"rating\": 5},"
                + "{\"userId\": 21, \"movieId\": " + top.get(1) + ", \"rating\": 1, \"ratedAt\": 1000000000},"
                + "{\"userId\": 22, \"movieId\": " + top.get(2) + ", \"rating\": 4}]}";
        given().contentType("application/json").body(good).post("/api/ratings").then().statusCode(200)
                .body("written", equalTo(3));
        List<Integer> next = given().get("/api/users/21/recommendations?limit=10").then().statusCode(200)
                .extract().jsonPath().getList("items.movieId");
        assertThat(next).doesNotContain(top.get(0), top.get(1));
        List<Map<String, Object>> rated = given().get("/api/users/21/ratings").then().extract().jsonPath().getList("$");
        assertThat(rated).hasSize(before21 + 2); // recommended movies are unrated ones: both are new
        assertThat(rated).anySatisfy(r -> {
            assertThat(r.get("movieId")).isEqualTo(top.get(1));
            assertThat(((Number) r.get("rating")).doubleValue()).isEqualTo(1.0);
            assertThat(((Number) r.get("ratedAt")).longValue()).isEqualTo(1_000_000_000L);
        });
        given().contentType("application/json").body("{\"ratings\": []}").post("/api/ratings").then().statusCode(400)
                .body("errors[0].field", equalTo("ratings"));
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
    void aUserWhoOnlyWatchesGetsRecommendationsShapedByWhatTheyViewed() {
        String demographics = "{\"age\": 35, \"gender\": \"M\", \"occupation\": \"engineer\", \"zip\": \"10001\"}";
        long viewer = given().contentType("application/json").body(demographics).post("/api/users").then().statusCode(201)
                .extract().jsonPath().getLong("user.userId");
        long control = given().contentType("application/json").body(demographics).post("/api/users").then()
                .statusCode(201).extract().jsonPath().getLong("user.userId");
        List<String> controlGenres = given().get("/api/users/" + control + "/recommendations?limit=10").then()
                .statusCode(200).extract().jsonPath().getList("items.genres.flatten()", String.class);
        // the genre the control's answer shows least, among genres with enough movies to watch
        String genre = given().get("/api/genres").then().statusCode(200).extract().jsonPath()
                .getList("name", String.class).stream()
                .filter(g -> given().get("/api/movies?size=20&genre=" + g).then().extract().jsonPath().getInt("total") >= 15)
                .min(java.util.Comparator.comparingLong((String g) -> controlGenres.stream().filter(g::equals).count())
                        .thenComparing(java.util.Comparator.naturalOrder()))
                .orElseThrow();
        List<Integer> watched = given().get("/api/movies?size=6&genre=" + genre).then().statusCode(200).extract()
                .jsonPath().getList("items.movieId", Integer.class);
        for (int movie : watched) {
            given().contentType("application/json").body("{\"movieId\": " + movie + ", \"type\": \"view\"}")
                    .post("/api/users/" + viewer + "/events").then().statusCode(201);
        }
        JsonPath after = given().get("/api/users/" + viewer + "/recommendations?limit=10").then().statusCode(200)
                .extract().jsonPath();
        long inGenre = after.getList("items.genres", List.class).stream().filter(g -> g.contains(genre)).count();
        long controlInGenre = controlGenres.stream().filter(genre::equals).count();
        System.out.printf("View-only user: %d of 10 in %s after 6 views (a new user alike: %d)%n", inGenre, genre, controlInGenre);
        assertThat(after.getList("items.movieId", Integer.class)).doesNotContainAnyElementsOf(watched);
        assertThat(inGenre).as("%s movies among the viewer's 10 (control: %d)", genre, controlInGenre)
                .isGreaterThanOrEqualTo(controlInGenre + 2);
        assertThat(given().get("/api/users/" + viewer + "/ratings").then().extract().jsonPath().getList("$")).isEmpty();
    }

    @Test
    void aNewUserGetsColdStartRecommendationsInTheirLikedGenresRightAway() {
        JsonPath created = given().contentType("application/json")
                .body("{\"age\": 27, \"gender\": \"F\", \"occupation\": \"writer\", \"zip\": \"94110\", "
                        + "\"likedGenres\": [\"horror\", \"Thriller\"], \"likedMovies\": [3]}")
                .post("/api/users").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.matchesPattern(".*/api/users/\\d+"))
                .body("user.gender", equalTo("F"))
                .body("recommendations.fallback", equalTo(false))
                .extract().jsonPath();
        long id = created.getLong("user.userId");
        List<Map<String, Object>> first = created.getList("recommendations.items");
        assertThat(first).hasSize(10).noneMatch(item -> ((Number) item.get("movieId")).intValue() == 3);
        long inLiked = first.stream().filter(item -> item.get("genres").toString().matches(".*(Horror|Thriller).*")).count();
        assertThat(inLiked).isGreaterThanOrEqualTo(5);
        given().get("/api/users/" + id + "/recommendations?limit=4").then().statusCode(200)
                .body("items.size()", equalTo(4));
        given().contentType("application/json").body("{\"gender\": \"X\", \"age\": 0}").post("/api/users")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("age", "gender"));
        given().contentType("application/json").body("{\"likedGenres\": [\"Polka\"]}").post("/api/users")
                .then().statusCode(400).body("errors[0].field", equalTo("likedGenres"));
        given().contentType("application/json").body("{\"likedMovies\": [424242]}").post("/api/users")
                .then().statusCode(400).body("errors[0].field", equalTo("likedMovies"));
    }

    @Test
    void moviesCanBeSearchedBrowsedAndComparedAndTheModelIsDescribed() {
        given().queryParam("query", "SYNTHETIC movie 12").queryParam("size", 5).get("/api/movies").then()
                .statusCode(200)
                .body("items[0].title", org.hamcrest.Matchers.containsString("Synthetic Movie 12"));
        given().get("/api/movies?genre=drama&page=1&size=3").then().statusCode(200)
                .body("page", equalTo(1)).body("items.size()", equalTo(3));
        given().get("/api/movies?size=0").then().statusCode(400).body("errors[0].field", equalTo("size"));
        given().get("/api/movies/5/similar?limit=3").then().statusCode(200).body("size()", equalTo(3))
                .body("[0].explanation.sentence", notNullValue());
        given().get("/api/movies/424242/similar").then().statusCode(404);
        given().get("/api/movies/5/similar?limit=0").then().statusCode(400);
        List<Integer> counts = given().get("/api/movies/popular?age=30&gender=M&limit=5").then().statusCode(200)
                .extract().jsonPath().getList("cohortRatings");
        assertThat(counts).hasSize(5).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        given().get("/api/movies/popular?gender=X").then().statusCode(400).body("errors[0].field", equalTo("gender"));
        given().get("/api/genres").then().statusCode(200).body("name", org.hamcrest.Matchers.hasItem("Drama"));
        given().get("/api/model").then().statusCode(200)
                .body("active.version", equalTo(registry.active().orElseThrow().info().version()))
                .body("active.validation.'ndcg@10'", notNullValue())
                .body("active.hyperParameters.profile", equalTo("default"))
                .body("active.hyperParameters.easeLambda", equalTo(50.0f))
                .body("featureSchema", org.hamcrest.Matchers.hasItem("easeScore"));
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", org.hamcrest.Matchers.hasItem("ranker"));
        given().get("/api/users/7/recommendations?limit=2").then().statusCode(200);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("cinegraph_recommendations_total", "http_server_requests_seconds_bucket",
                "cinegraph_model_validation_ndcg");
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
