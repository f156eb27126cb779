package io.cinegraph.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kill -9} of the packaged service, then a restart on the same store: during concurrent rating writes
 * (every acknowledged write is there, with its value) and during a retraining (the model active before is still
 * active, no half-written version is listed, and the next retraining runs to its end).
 */
class CrashIT {

    @TempDir
    Path tmp;

    @Test
    void everyAcknowledgedWriteSurvivesAKillDuringConcurrentWrites() throws Exception {
        Path data = RatingClients.fixture(tmp.resolve("ml"), 5);
        Path store = tmp.resolve("store");

        ServiceProcess service = ServiceProcess.start(store, data, "writes");
        RatingClients clients = new RatingClients(service, RatingClients.CLIENTS, RatingClients.USERS, RatingClients.MOVIES, 1.0);
        while (clients.acks() < 1_000) {
            Thread.sleep(50);
        }
        service.kill();
        long acks = clients.acks();
        Map<String, Integer> expected = clients.stop();
        try (ServiceProcess restarted = ServiceProcess.start(store, null, "writes-restarted")) {
            Map<String, Integer> stored = RatingClients.stored(restarted, RatingClients.USERS);
            Map<String, java.util.Set<Integer>> inFlight = clients.unanswered();
            int present = 0;
            int superseded = 0;
            for (Map.Entry<String, Integer> e : expected.entrySet()) {
                // the acknowledged value, or that of a later write of the same pair whose answer the kill cut off
                java.util.Set<Integer> allowed = new java.util.HashSet<>(inFlight.getOrDefault(e.getKey(), java.util.Set.of()));
                allowed.add(e.getValue());
                assertThat(stored.get(e.getKey())).as("acknowledged rating " + e.getKey() + " (or an unanswered later write "
                        + "of it: " + inFlight.get(e.getKey()) + ")").isIn(allowed);
                if (!stored.get(e.getKey()).equals(e.getValue())) {
                    superseded++;
                }
                present++;
            }
            System.out.printf("kill -9 during writes: %d acknowledged writes (%d pairs), all %d present after restart "
                    + "(%d superseded by a write in flight at the kill)%n", acks, expected.size(), present, superseded);
            assertThat(present).isGreaterThanOrEqualTo(500);
        }
    }

    @Test
    void aKillDuringRetrainingKeepsTheActiveModelAndTheNextRetrainingRuns() throws Exception {
        Path data = RatingClients.fixture(tmp.resolve("ml"), 6);
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
