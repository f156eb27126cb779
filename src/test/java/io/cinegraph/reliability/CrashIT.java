package io.cinegraph.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import io.cinegraph.ingest.SyntheticGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kill -9} of the packaged service, then a restart on the same store: during concurrent rating writes
 * (every acknowledged write is there, with its value) and during a retraining (the model active before is still
 * active, no half-written version is listed, and the next retraining runs to its end).
 */
class CrashIT {

    private static final int USERS = 120;
    private static final int MOVIES = 150;
    private static final int CLIENTS = 8;

    @TempDir
    Path tmp;

    @Test
    void everyAcknowledgedWriteSurvivesAKillDuringConcurrentWrites() throws Exception {
        Path data = tmp.resolve("ml");
        new SyntheticGenerator(new SyntheticGenerator.Params(USERS, MOVIES, 6_000, 5, data, SyntheticGenerator.Layout.ML_100K)).write();
        Path store = tmp.resolve("store");

        // each client owns the users ≡ its number (mod CLIENTS): its last acknowledged value of a pair is the truth
        List<Map<String, Integer>> acknowledged = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong acks = new AtomicLong();
        ServiceProcess service = ServiceProcess.start(store, data, "writes");
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            Map<String, Integer> mine = new HashMap<>();
            acknowledged.add(mine);
            int client = c;
            clients.add(pool.submit(() -> {
                Random random = new Random(client);
                while (!stop.get()) {
                    int user = 1 + client + CLIENTS * random.nextInt(USERS / CLIENTS);
                    int movie = 1 + random.nextInt(MOVIES);
                    int stars = 1 + random.nextInt(5);
                    try {
                        HttpResponse<String> r = service.send("PUT", "/api/users/" + user + "/ratings/" + movie,
                                "{\"rating\": " + stars + "}", false);
                        if (r.statusCode() == 200 || r.statusCode() == 201) {
                            mine.put(user + "/" + movie, stars);
                            acks.incrementAndGet();
                        }
                    } catch (Exception e) {
                        return; // the service is gone
                    }
                }
            }));
        }
        while (acks.get() < 1_000) {
            Thread.sleep(50);
        }
        service.kill();
        stop.set(true);
        for (Future<?> f : clients) {
            f.get();
        }
        pool.shutdown();

        Map<String, Integer> expected = new HashMap<>();
        acknowledged.forEach(expected::putAll);
        try (ServiceProcess restarted = ServiceProcess.start(store, null, "writes-restarted")) {
            Map<String, Integer> stored = new ConcurrentHashMap<>();
            for (int user = 1; user <= USERS; user++) {
                for (JsonNode r : restarted.getJson("/api/users/" + user + "/ratings")) {
                    stored.put(user + "/" + r.get("movieId").asInt(), (int) r.get("rating").asDouble());
                }
            }
            int present = 0;
            for (Map.Entry<String, Integer> e : expected.entrySet()) {
                assertThat(stored.get(e.getKey())).as("acknowledged rating " + e.getKey()).isEqualTo(e.getValue());
                present++;
            }
            System.out.printf("kill -9 during writes: %d acknowledged writes (%d pairs), all %d present after restart%n",
                    acks.get(), expected.size(), present);
            assertThat(present).isGreaterThanOrEqualTo(500);
        }
    }

    @Test
    void aKillDuringRetrainingKeepsTheActiveModelAndTheNextRetrainingRuns() throws Exception {
        Path data = tmp.resolve("ml");
        new SyntheticGenerator(new SyntheticGenerator.Params(USERS, MOVIES, 6_000, 6, data, SyntheticGenerator.Layout.ML_100K)).write();
        Path store = tmp.resolve("store");

        String active;
        List<String> versions;
        ServiceProcess service = ServiceProcess.start(store, data, "train");
        JsonNode first = service.awaitJob(service.retrain(), Duration.ofMinutes(5));
        assertThat(first.get("state").asText()).isEqualTo("PROMOTED");
        JsonNode model = service.getJson("/api/model");
        active = model.get("active").get("version").asText();
        versions = names(model.get("versions"));

        service.retrain();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!service.logContains("Ranker epoch") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(service.logContains("Ranker epoch")).as("the second retraining reached the ranker's epochs").isTrue();
        service.kill();

        try (ServiceProcess restarted = ServiceProcess.start(store, null, "train-restarted")) {
            JsonNode after = restarted.getJson("/api/model");
            assertThat(after.get("active").get("version").asText()).isEqualTo(active);
            assertThat(names(after.get("versions"))).isEqualTo(versions);
            assertThat(restarted.get("/api/users/1/recommendations?limit=5").statusCode()).isEqualTo(200);

            JsonNode next = restarted.awaitJob(restarted.retrain(), Duration.ofMinutes(5));
            assertThat(next.get("state").asText()).isIn("PROMOTED", "KEPT");
            assertThat(next.get("activeVersion").asText()).isEqualTo(active);
            System.out.printf("kill -9 during retraining: %s still active, next retraining %s%n", active,
                    next.get("state").asText());
        }
    }

    private static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
