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

    @Inject
    io.cinegraph.signals.SignalJob signals;

    @Inject
    io.cinegraph.graph.Graph graph;

    @Inject
    io.cinegraph.signals.StaleUsers staleUsers;

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL service;

    private static Path generated;

    @BeforeEach
    void graph() throws Exception {
        if (imported) {
            return;
        }
        ingest.clearGraph();
        Path dir = Files.createDirectories(tmp.resolve("cinegraph-events"));
        new SyntheticGenerator(new SyntheticGenerator.Params(120, 150, 6_000, 3, dir, SyntheticGenerator.Layout.ML_100K)).write();
        importer.run(dir, new ImportOptions(1_000, ImportOptions.OnError.FAIL, null, false));
        generated = Files.createTempDirectory("cinegraph-tastes");
        Files.copy(dir.resolve(SyntheticGenerator.TASTES_FILE), generated.resolve(SyntheticGenerator.TASTES_FILE));
        signals.recomputeAll(); // the fallback's generators read the materialized signals
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
                .then().statusCode(200).body("online.windowDays", equalTo(30)).extract().jsonPath().getList("online.variants");
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
        for (String report : List.of("/api/admin/experiments", "/api/admin/experiments/replay")) {
            given().header("X-API-Key", KEY).get(report + "?days=0").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", equalTo(List.of("days")));
            given().header("X-API-Key", KEY).get(report + "?days=3651").then().statusCode(400)
                    .body("errors.field", equalTo(List.of("days")));
        }
        given().header("X-API-Key", KEY).get("/api/admin/experiments").then().statusCode(200)
                .body("online.windowDays", equalTo(30));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("cinegraph_events_total{model=\"" + a + "\",type=\"impression\",variant=\"default\"} 4.0")
                .contains("cinegraph_events_total{model=\"" + a + "\",type=\"click\",variant=\"default\"} 1.0");
    }

    @Inject
    io.cinegraph.signals.SignalSnapshots snapshots;

    @Inject
    io.cinegraph.graph.FeatureRepository features;

    @Test
    void viewsAreHistoryInTheMaterializedSignalsButNotRatings() throws InterruptedException {
        long viewer = given().contentType("application/json")
                .body("{\"age\": 30, \"gender\": \"F\", \"occupation\": \"writer\", \"zip\": \"02139\"}")
                .post("/api/users").then().statusCode(201).extract().jsonPath().getLong("user.userId");
        // three ratings: fewer than the 5 co-rated movies a neighbour needs
        int[][] rated = {{13, 5}, {14, 1}, {15, 3}};
        for (int[] r : rated) {
            given().contentType("application/json").body("{\"rating\": " + r[1] + "}")
                    .put("/api/users/" + viewer + "/ratings/" + r[0]).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        }
        // the writes' background refresh reads ratings only (not views): let it finish before the signal runs, or a
        // late retry of it would replace the neighbours the second run finds through the views
        assertThat(staleUsers.awaitIdle(java.time.Duration.ofSeconds(60))).isTrue();
        signals.recomputeAll();
        assertThat(features.request(viewer, 0).orElseThrow().neighbours()).as("3 ratings, no neighbour").isEmpty();

        List<Long> watched = java.util.stream.LongStream.rangeClosed(1, 12).boxed().toList();
        Map<Long, Long> countsBefore = new java.util.HashMap<>();
        watched.forEach(m -> countsBefore.put(m, snapshots.current().movie(m).ratingCount()));
        for (long movie : watched) {
            event(viewer, "{\"movieId\": " + movie + ", \"type\": \"view\"}").statusCode(201);
        }
        signals.recomputeAll();

        io.cinegraph.domain.UserSide materialized = features.request(viewer, 0).orElseThrow();
        assertThat(materialized.ratings()).as("views are not ratings").hasSize(3);
        assertThat(materialized.neighbours()).as("neighbours through the viewing history").isNotEmpty();
        assertThat(materialized.prefers()).as("genre affinities").isNotEmpty();
        watched.forEach(m -> assertThat(snapshots.current().movie(m).ratingCount()).as("movie %d's rating count", m)
                .isEqualTo(countsBefore.get(m)));
    }

    @Test
    void replayScoresEachModelOnTheLoggedAnswersExactlyBesideARandomOrderAndTheOnlineTakeUp() {
        // three movies of distinct popularity, most rated first
        List<Long> byPopularity = java.util.stream.LongStream.rangeClosed(50, 80).boxed()
                .filter(m -> snapshots.current().movie(m) != null)
                .sorted(java.util.Comparator.comparingLong((Long m) -> -snapshots.current().movie(m).ratingCount()))
                .toList();
        long most = byPopularity.get(0);
        long middle = byPopularity.get(byPopularity.size() / 2);
        long least = byPopularity.get(byPopularity.size() - 1);
        assertThat(snapshots.current().movie(most).ratingCount()).isGreaterThan(snapshots.current().movie(middle).ratingCount());
        assertThat(snapshots.current().movie(middle).ratingCount()).isGreaterThan(snapshots.current().movie(least).ratingCount());
        String variant = "replay-" + UUID.randomUUID().toString().substring(0, 8);
        long now = System.currentTimeMillis();
        long shownAt = now / 1000 - 100;
        StringBuilder log = new StringBuilder("{\"events\": [");
        int[] users = {81, 82, 83};
        for (int user : users) {
            String rec = RecommendationIds.issue("replayed-model", variant, now);
            for (long movie : List.of(middle, least, most)) {
                log.append(String.format("{\"userId\": %d, \"movieId\": %d, \"type\": \"impression\", "
                        + "\"recommendationId\": \"%s\", \"at\": %d},", user, movie, rec, shownAt));
            }
            // 81 clicks the least popular, 82 views the most popular, 83 takes up nothing (not scored)
            if (user != 83) {
                log.append(String.format("{\"userId\": %d, \"movieId\": %d, \"type\": \"%s\", \"recommendationId\": "
                        + "\"%s\"},", user, user == 81 ? least : most, user == 81 ? "click" : "view", rec));
            }
        }
        log.setLength(log.length() - 1);
        given().contentType("application/json").body(log.append("]}").toString()).post("/api/events").then().statusCode(200);

        JsonPath replay = given().header("X-API-Key", KEY)
                .get("/api/admin/experiments/replay?models=popular&variants=" + variant).then().statusCode(200)
                .extract().jsonPath();
        assertThat(replay.getInt("answers")).isEqualTo(3);
        assertThat(replay.getInt("scored")).isEqualTo(2);
        assertThat(replay.getList("models.model", String.class)).containsExactly("popular", "random-order");
        // popular order: most, middle, least → the click at rank 3 (NDCG 1/log2 4 = 0.5), the view at rank 1
        assertThat(replay.getDouble("models[0].ndcg")).isCloseTo(0.75, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(replay.getDouble("models[0].mrr")).isCloseTo((1 / 3.0 + 1) / 2, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(replay.getDouble("models[0].hitAt1")).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(replay.getMap("models[0].ndcgByVariant", String.class, Double.class)).containsOnlyKeys(variant);
        // a random order of 3 with 1 taken up: NDCG (1 + 1/log2 3 + 1/2)/3, MRR (1 + 1/2 + 1/3)/3, hit@1 1/3
        double log3 = Math.log(3) / Math.log(2);
        assertThat(replay.getDouble("models[1].ndcg")).isCloseTo((1 + 1 / log3 + 0.5) / 3, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(replay.getDouble("models[1].mrr")).isCloseTo((1 + 0.5 + 1 / 3.0) / 3, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(replay.getDouble("models[1].hitAt1")).isCloseTo(1 / 3.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(replay.getList("logged")).hasSize(1);
        assertThat(replay.getString("logged[0].model")).isEqualTo("replayed-model");
        assertThat(replay.getInt("logged[0].answers")).isEqualTo(3);
        assertThat(replay.getInt("logged[0].shown")).isEqualTo(9);
        assertThat(replay.getInt("logged[0].takenUp")).isEqualTo(2);

        given().header("X-API-Key", KEY).get("/api/admin/experiments/replay?models=no-such-version").then()
                .statusCode(400).body("errors.field", hasItem("models"));
    }

    @Test
    void anExperimentSplitsUsersSaysWhichVariantServedAndNamesTheVariantAheadWithItsInterval() {
        admin().body("{\"name\": \"bad\", \"variants\": [{\"name\": \"A\", \"model\": \"fallback\", \"share\": 60}, "
                + "{\"name\": \"B\", \"model\": \"no-such-version\", \"share\": 30}]}").post("/api/admin/experiments")
                .then().statusCode(400).body("errors.field", hasItem("variants[1].model"));
        admin().body("{\"name\": \"bad\", \"variants\": [{\"name\": \"A\", \"model\": \"fallback\", \"share\": 60}, "
                + "{\"name\": \"B\", \"model\": \"fallback\", \"share\": 30}]}").post("/api/admin/experiments")
                .then().statusCode(400).body("errors.field", hasItem("variants"));
        String name = "exp-" + UUID.randomUUID().toString().substring(0, 8);
        admin().body("{\"name\": \"" + name + "\", \"variants\": [{\"name\": \"A\", \"model\": \"fallback\", \"share\": 50}, "
                + "{\"name\": \"B\", \"model\": \"fallback\", \"share\": 50}]}").post("/api/admin/experiments")
                .then().statusCode(201).body("name", equalTo(name));
        try {
            Map<String, List<Integer>> byVariant = new java.util.HashMap<>();
            Map<Integer, String> recommendation = new java.util.HashMap<>();
            for (int user = 30; user < 70; user++) {
                JsonPath answer = given().get("/api/users/" + user + "/recommendations?limit=5").then().statusCode(200)
                        .extract().jsonPath();
                String variant = answer.getString("variant");
                assertThat(given().get("/api/users/" + user + "/recommendations?limit=5").then().extract().jsonPath()
                        .getString("variant")).as("the same user, the same variant").isEqualTo(variant);
                assertThat(RecommendationIds.parse(answer.getString("recommendationId")).orElseThrow().variant()).isEqualTo(variant);
                byVariant.computeIfAbsent(variant, v -> new java.util.ArrayList<>()).add(user);
                recommendation.put(user, answer.getString("recommendationId") + " " + answer.getInt("items[0].movieId"));
            }
            assertThat(byVariant.keySet()).containsExactlyInAnyOrder("A", "B");
            // every user saw their top movie; B's users clicked it, one A user in ten did
            StringBuilder log = new StringBuilder("{\"events\": [");
            int n = 0;
            for (var e : recommendation.entrySet()) {
                String[] rec = e.getValue().split(" ");
                log.append(n++ == 0 ? "" : ",").append(String.format("{\"userId\": %d, \"movieId\": %s, \"type\": \"impression\", "
                        + "\"recommendationId\": \"%s\"}", e.getKey(), rec[1], rec[0]));
                boolean clicks = byVariant.get("B").contains(e.getKey()) || e.getKey() % 10 == 0;
                if (clicks) {
                    log.append(String.format(",{\"userId\": %d, \"movieId\": %s, \"type\": \"click\", \"recommendationId\": \"%s\"}",
                            e.getKey(), rec[1], rec[0]));
                }
            }
            given().contentType("application/json").body(log.append("]}").toString()).post("/api/events").then().statusCode(200);

            JsonPath report = given().header("X-API-Key", KEY).get("/api/admin/experiments").then().statusCode(200)
                    .extract().jsonPath();
            assertThat(report.getString("experiment.name")).isEqualTo(name);
            assertThat(report.getList("arms.impressions", Integer.class))
                    .containsExactly(byVariant.get("A").size(), byVariant.get("B").size());
            assertThat(report.getString("comparisons[0].verdict")).startsWith("B ahead of A on click-through")
                    .contains("95 % CI excludes 0");
            assertThat(report.getFloat("comparisons[0].low")).isPositive();

            admin().post("/api/admin/experiments/end?promote=true").then().statusCode(200)
                    .body("promoted", org.hamcrest.Matchers.nullValue())
                    .body("decision", org.hamcrest.Matchers.containsString("the active model stays"));
            assertThat(given().get("/api/users/30/recommendations").then().extract().jsonPath().getString("variant"))
                    .isEqualTo("default");
        } finally {
            admin().post("/api/admin/experiments/end");
        }
    }

    @Test
    void theSimulationRunsAnExperimentWithPlantedTastesAndPrintsTheVerdict() {
        java.io.StringWriter out = new java.io.StringWriter();
        picocli.CommandLine cli = new picocli.CommandLine(new io.cinegraph.cli.SimulateCommand());
        cli.setOut(new java.io.PrintWriter(out, true));
        String url = service.toString().replaceAll("/$", "");
        int exit = cli.execute("--url", url, "--bolt", graph.boltUri().toString(), "--admin-key", KEY,
                "--variants", "A:fallback,B:popular", "--users", "60", "--rounds", "2",
                "--tastes", generated.resolve(SyntheticGenerator.TASTES_FILE).toString());
        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString()).contains("Round 2:", "baseline:popular", "Verdict: ", "Offline replay of these", "random-order", "Experiment ended");
        given().header("X-API-Key", KEY).get("/api/admin/experiments").then().statusCode(200)
                .body("experiment", org.hamcrest.Matchers.nullValue());
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().header("X-API-Key", KEY).contentType("application/json");
    }

    private static io.restassured.response.ValidatableResponse event(long userId, String body) {
        return given().contentType("application/json").body(body).post("/api/users/" + userId + "/events").then();
    }
}
