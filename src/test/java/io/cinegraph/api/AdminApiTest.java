package io.cinegraph.api;

import io.cinegraph.graph.IngestRepository;
import io.cinegraph.ingest.ImportOptions;
import io.cinegraph.ingest.Importer;
import io.cinegraph.ingest.SyntheticGenerator;
import io.cinegraph.training.ModelRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Admin and model endpoints over HTTP: the API key guard, a retrain started under load from 16 concurrent
 * clients that completes and swaps with zero failed requests, job history, and rollback by activation.
 */
@QuarkusTest
class AdminApiTest {

    @TempDir
    Path tmp;

    private static final String KEY = "test-admin-key";

    @Inject
    Importer importer;

    @Inject
    IngestRepository ingest;

    @Inject
    ModelRegistry registry;

    @Test
    void adminCallsWithoutTheRightKeyAre401() {
        given().post("/api/admin/retrain").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("ApiKey header=\"X-API-Key\""));
        given().header("X-API-Key", "wrong").get("/api/admin/jobs").then().statusCode(401);
        given().header("X-API-Key", "wrong").post("/api/admin/models/x/activate").then().statusCode(401);
        given().header("X-API-Key", KEY).get("/api/admin/jobs/job-unknown").then().statusCode(404)
                .contentType("application/problem+json");
        given().header("X-API-Key", KEY).post("/api/admin/models/19990101-000000-000/activate").then().statusCode(404);
    }

    @Test
    void aFullCollectionAnswersTheLiveHeapAfterItAndNeedsTheKey() {
        given().post("/api/admin/memory/collect").then().statusCode(401);
        JsonPath collected = given().header("X-API-Key", KEY).post("/api/admin/memory/collect").then().statusCode(200)
                .extract().jsonPath();
        assertThat(collected.getLong("heapUsedAfterBytes")).isPositive();
        assertThat(collected.getLong("heapUsedBeforeBytes")).isPositive();
        assertThat(collected.getDouble("collectedInMs")).isNotNegative();
    }

    @Test
    void aRetrainUnderLoadCompletesAndSwapsWithoutAFailedRequest() throws Exception {
        ingest.clearGraph();
        Path dir = Files.createDirectories(tmp.resolve("cinegraph-admin"));
        new SyntheticGenerator(new SyntheticGenerator.Params(100, 120, 5_000, 9, dir, SyntheticGenerator.Layout.ML_100K)).write();
        importer.run(dir, new ImportOptions(1_000, ImportOptions.OnError.FAIL, null, false));

        String first = retrainAndWait();
        assertThat(first).isNotNull();
        String before = registry.active().orElseThrow().info().version();

        String[] second = new String[1];
        Load load = underLoad(() -> second[0] = retrainAndWait());
        System.out.printf("Retrain under load: %d requests served, %d failed%n", load.ok(), load.failures().size());
        assertThat(load.failures()).isEmpty();
        assertThat(load.ok()).isPositive();
        JsonPath job = given().header("X-API-Key", KEY).get("/api/admin/jobs/" + second[0]).then().statusCode(200)
                .extract().jsonPath();
        assertThat(job.getString("state")).isIn("PROMOTED", "KEPT");
        assertThat(job.getDouble("candidateNdcg")).isBetween(0.0, 1.0);
        assertThat(job.getDouble("activeNdcg")).isBetween(0.0, 1.0);
        assertThat(job.getString("activeVersion")).isEqualTo(before);
        // one temporary graph a run: the candidate's history graph, built within "train", also serves "evaluate"
        assertThat(job.getMap("stepSeconds")).containsKeys("signals", "train", "evaluate").doesNotContainKey("holdout graph");
        if (job.getString("state").equals("PROMOTED")) {
            assertThat(registry.active().orElseThrow().info().version()).isEqualTo(job.getString("candidateVersion"));
        } else {
            assertThat(registry.active().orElseThrow().info().version()).isEqualTo(before);
        }
        given().header("X-API-Key", KEY).get("/api/admin/jobs").then().statusCode(200)
                .body("[0].id", equalTo(second[0]));

        // rollback: activate the first version again
        given().header("X-API-Key", KEY).post("/api/admin/models/" + before + "/activate").then().statusCode(200)
                .body("version", equalTo(before));
        given().get("/api/model").then().statusCode(200)
                .body("active.version", equalTo(before))
                .body("featureSchema", notNullValue())
                .body("versions", org.hamcrest.Matchers.hasItem(before));
        given().get("/api/users/3/recommendations?limit=3").then().statusCode(200).body("model", equalTo(before));

        // hot swap: ten activations under 16 clients, alternating between the stored versions
        List<String> versions = registry.store().versions();
        Load swaps = underLoad(() -> {
            for (int i = 0; i < 10; i++) {
                String version = versions.get(i % versions.size());
                given().header("X-API-Key", KEY).post("/api/admin/models/" + version + "/activate").then().statusCode(200)
                        .body("version", equalTo(version));
                given().get("/api/users/" + (1 + i) + "/recommendations?limit=3").then().statusCode(200)
                        .body("model", equalTo(version));
            }
        });
        System.out.printf("10 activations of %s under 16 clients: %d requests served, %d failed%n", versions, swaps.ok(),
                swaps.failures().size());
        assertThat(swaps.failures()).isEmpty();
        assertThat(swaps.ok()).isPositive();

        aTuningProfileServesAVariantAndReplayReproducesTheServedOrder(versions);
    }

    /**
     * A variant named by tuning profile is served by the newest version trained with it; replaying the answers, the
     * model that served them puts the shown movies back in the order it served them.
     */
    private void aTuningProfileServesAVariantAndReplayReproducesTheServedOrder(List<String> versions) {
        String active = registry.active().orElseThrow().info().version();
        given().header("X-API-Key", KEY).contentType("application/json").body("{\"name\": \"p\", \"variants\": ["
                        + "{\"name\": \"A\", \"model\": \"active\", \"share\": 50}, "
                        + "{\"name\": \"B\", \"model\": \"profile:no-such-profile\", \"share\": 50}]}")
                .post("/api/admin/experiments").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("variants[1].model"))
                .body("errors.message", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString(
                        "train --profile no-such-profile --no-activate")));
        String name = "profiles-" + System.nanoTime();
        given().header("X-API-Key", KEY).contentType("application/json").body("{\"name\": \"" + name + "\", \"variants\": ["
                        + "{\"name\": \"A\", \"model\": \"active\", \"share\": 50}, "
                        + "{\"name\": \"B\", \"model\": \"profile:default\", \"share\": 50}]}")
                .post("/api/admin/experiments").then().statusCode(201)
                .body("arms[0].model", equalTo(active))
                .body("arms[1].model", equalTo(versions.get(versions.size() - 1)));
        try {
            StringBuilder log = new StringBuilder("{\"events\": [");
            for (int user = 1; user <= 20; user++) {
                JsonPath answer = given().get("/api/users/" + user + "/recommendations?limit=5").then().statusCode(200)
                        .extract().jsonPath();
                String rec = answer.getString("recommendationId");
                List<Integer> shown = answer.getList("items.movieId", Integer.class);
                for (int movie : shown) {
                    log.append(String.format("{\"userId\": %d, \"movieId\": %d, \"type\": \"impression\", "
                            + "\"recommendationId\": \"%s\"},", user, movie, rec));
                }
                log.append(String.format("{\"userId\": %d, \"movieId\": %d, \"type\": \"click\", "
                        + "\"recommendationId\": \"%s\"},", user, shown.get(2), rec));
            }
            log.setLength(log.length() - 1);
            given().contentType("application/json").body(log.append("]}").toString()).post("/api/events").then()
                    .statusCode(200);
            JsonPath replay = given().header("X-API-Key", KEY).get("/api/admin/experiments/replay?variants=A,B&models="
                    + String.join(",", versions) + ",popular").then().statusCode(200).extract().jsonPath();
            assertThat(replay.getInt("scored")).isEqualTo(20);
            List<String> models = replay.getList("models.model", String.class);
            assertThat(models).containsAll(versions).contains("popular", "random-order");
            // every answer's click was on its third movie: NDCG 1/log2(4) when the order is the one served
            String servedA = active;
            int row = models.indexOf(servedA);
            assertThat(replay.getMap("models[" + row + "].ndcgByVariant", String.class, Double.class).get("A"))
                    .isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-6));
            // on its own the serving model picks again what it showed, far above n random unseen movies
            double recall = replay.getMap("models[" + row + "].recallByVariant", String.class, Double.class).get("A");
            double floor = replay.getDouble("models[" + models.indexOf("random-order") + "].recall");
            System.out.printf("Replay: the serving model's recall of its own answers' clicks %.4f, random %.4f%n", recall, floor);
            assertThat(recall).isGreaterThan(5 * floor);
        } finally {
            given().header("X-API-Key", KEY).post("/api/admin/experiments/end").then().statusCode(200);
        }
    }

    /** Requests served and failed by 16 clients asking for recommendations while {@code work} runs. */
    private record Load(long ok, List<String> failures) {
    }

    private interface Work {
        void run() throws Exception;
    }

    private Load underLoad(Work work) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong ok = new AtomicLong();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(16);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < 16; c++) {
            int client = c;
            running.add(clients.submit(() -> {
                int user = 1 + client;
                while (!stop.get()) {
                    int status = given().get("/api/users/" + user + "/recommendations?limit=5").statusCode();
                    if (status == 200) {
                        ok.incrementAndGet();
                    } else {
                        failures.add(user + ": " + status);
                    }
                    user = user % 100 + 1;
                }
            }));
        }
        try {
            work.run();
        } finally {
            stop.set(true);
            for (Future<?> f : running) {
                f.get();
            }
            clients.shutdown();
        }
        return new Load(ok.get(), failures);
    }

    /** Starts a run, refuses a second one meanwhile, waits for the first to finish; returns its job id. */
    private String retrainAndWait() throws InterruptedException {
        String id = given().header("X-API-Key", KEY).post("/api/admin/retrain").then().statusCode(202)
                .header("Location", org.hamcrest.Matchers.containsString("/api/admin/jobs/job-"))
                .extract().jsonPath().getString("id");
        given().header("X-API-Key", KEY).post("/api/admin/retrain").then().statusCode(409)
                .contentType("application/problem+json");
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            String state = given().header("X-API-Key", KEY).get("/api/admin/jobs/" + id).then().statusCode(200)
                    .extract().jsonPath().getString("state");
            if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
                assertThat(state).isNotEqualTo("FAILED");
                return id;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("retraining job " + id + " did not finish in 5 minutes");
    }
}
