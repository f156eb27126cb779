package io.cinegraph.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cinegraph.graph.EmbeddedNeo4j;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two packaged services (separate processes, replicas "a" and "b") over one external Neo4j server and one shared
 * model directory: a retraining asked of both runs once, and every replica shows its job; a model promoted through
 * one is served by the other within the poll bound, and so is a rollback; a rating written through one changes the
 * other's next answer; a client reads its own write on the other replica with the bookmark header; killing the lease
 * holder mid-run lets the next run start once its lease has expired.
 */
class ReplicasIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The promised bound on a replica's noticing a promotion or a rollback (the default poll is 5 s). */
    private static final Duration FOLLOW_BOUND = Duration.ofSeconds(10);
    private static final Duration LEASE = Duration.ofSeconds(6);

    @TempDir
    Path tmp;

    @Test
    void twoReplicasShareTheModelTheLeaseTheJobsAndEachUsersWrites() throws Exception {
        Path data = RatingClients.fixture(tmp.resolve("ml"), 6);
        Path neo4jHome = tmp.resolve("neo4j");
        int bolt = ServiceProcess.freePort();
        EmbeddedNeo4j server = EmbeddedNeo4j.start(neo4jHome, "127.0.0.1", bolt, "64m", neo4jHome.resolve("import"));
        Path models = tmp.resolve("shared-models");
        try (ServiceProcess a = ServiceProcess.start(tmp.resolve("a"), data, "replica-a", settings(bolt, models, "a"));
             ServiceProcess b = ServiceProcess.start(tmp.resolve("b"), null, "replica-b", settings(bolt, models, "b"))) {

            // one retraining at a time across replicas; the job is visible from both
            String first = a.retrain();
            HttpResponse<String> refused = b.send("POST", "/api/admin/retrain", null, true);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
            assertThat(refused.body()).contains(first, "replica a");
            JsonNode done = b.awaitJob(first, Duration.ofMinutes(5));
            assertThat(done.get("state").asText()).isEqualTo("PROMOTED");
            String v1 = done.get("candidateVersion").asText();
            assertThat(ids(JSON.readTree(b.send("GET", "/api/admin/jobs", null, true).body()), "id")).contains(first);

            // a promotion through a reaches b within the bound
            long followedIn = awaitActive(b, v1);
            assertThat(b.getJson("/api/users/1/recommendations?limit=5").get("model").asText()).isEqualTo(v1);

            // a rating written through a changes b's next answer, and its bookmark lets b read it at once
            List<String> before = ids(b.getJson("/api/users/1/recommendations?limit=5").get("items"), "movieId");
            HttpResponse<String> rated = a.send("PUT", "/api/users/1/ratings/" + before.get(0), "{\"rating\": 5}", false);
            assertThat(rated.statusCode()).as(rated.body()).isIn(200, 201);
            String bookmark = rated.headers().firstValue("CineGraph-Bookmark").orElseThrow();
            HttpResponse<String> own = b.send("GET", "/api/users/1/ratings", null, false, "CineGraph-Bookmark", bookmark);
            assertThat(own.statusCode()).isEqualTo(200);
            assertThat(ids(JSON.readTree(own.body()), "movieId")).contains(before.get(0));
            List<String> after = ids(b.getJson("/api/users/1/recommendations?limit=5").get("items"), "movieId");
            assertThat(after).as("b's answer after a's write").doesNotContain(before.get(0));
            HttpResponse<String> bad = b.send("GET", "/api/users/1/ratings", null, false, "CineGraph-Bookmark", "not-a-token!");
            assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);

            // a second model through b, then a rollback through b reaches a
            JsonNode second = a.awaitJob(b.retrain(), Duration.ofMinutes(5));
            assertThat(second.get("state").asText()).as(second.toString()).isEqualTo("PROMOTED");
            String v2 = second.get("candidateVersion").asText();
            awaitActive(a, v2);
            assertThat(b.send("POST", "/api/admin/models/" + v1 + "/activate", null, true).statusCode()).isEqualTo(200);
            long rolledBackIn = awaitActive(a, v1);

            // the lease holder killed mid-run blocks the next run only until its lease expires
            String killed = a.retrain();
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (!a.logContains("Ranker epoch") && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            a.kill();
            long killedAt = System.nanoTime();
            HttpResponse<String> held = b.send("POST", "/api/admin/retrain", null, true);
            assertThat(held.statusCode()).as("right after the kill the lease still holds: " + held.body()).isEqualTo(409);
            String next = null;
            while (next == null && System.nanoTime() - killedAt < Duration.ofSeconds(60).toNanos()) {
                HttpResponse<String> r = b.send("POST", "/api/admin/retrain", null, true);
                if (r.statusCode() == 202) {
                    next = JSON.readTree(r.body()).get("id").asText();
                } else {
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
                    Thread.sleep(250);
                }
            }
            double restartedAfter = (System.nanoTime() - killedAt) / 1e9;
            assertThat(next).as("a run started after the lease expired").isNotNull();
            assertThat(restartedAfter).isLessThan(LEASE.toSeconds() + 10);
            JsonNode abandoned = JSON.readTree(b.send("GET", "/api/admin/jobs/" + killed, null, true).body());
            assertThat(abandoned.get("state").asText()).isEqualTo("FAILED");
            assertThat(abandoned.get("error").asText()).contains("replica a", "lease expired");
            JsonNode last = b.awaitJob(next, Duration.ofMinutes(5));
            assertThat(last.get("state").asText()).isIn("PROMOTED", "KEPT");

            System.out.printf("Replicas: b served a's promotion after %d ms, a served b's rollback after %d ms (poll 1 s, "
                            + "bound %d s); after a's kill -9 mid-run, b's retraining started %.1f s later (lease %d s)%n",
                    followedIn, rolledBackIn, FOLLOW_BOUND.toSeconds(), restartedAfter, LEASE.toSeconds());
            assertThat(followedIn).isLessThanOrEqualTo(FOLLOW_BOUND.toMillis());
            assertThat(rolledBackIn).isLessThanOrEqualTo(FOLLOW_BOUND.toMillis());
        } finally {
            server.close();
        }
    }

    private static List<String> settings(int bolt, Path models, String id) {
        return List.of("-Dcinegraph.neo4j.uri=bolt://127.0.0.1:" + bolt, "-Dcinegraph.ranker.model-dir=" + models,
                "-Dcinegraph.replicas.enabled=true", "-Dcinegraph.replicas.id=" + id,
                "-Dcinegraph.replicas.poll-interval=1s", "-Dcinegraph.replicas.lease-ttl=" + LEASE.toSeconds() + "s",
                "-Dcinegraph.retrain.tolerance=1");
    }

    /** Waits until the replica serves {@code version}; the milliseconds it took (fails past twice the bound). */
    private static long awaitActive(ServiceProcess replica, String version) throws Exception {
        long start = System.nanoTime();
        while (System.nanoTime() - start < FOLLOW_BOUND.multipliedBy(2).toNanos()) {
            JsonNode active = replica.getJson("/api/model").get("active");
            if (active != null && !active.isNull() && version.equals(active.get("version").asText())) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the replica did not serve " + version + " within " + FOLLOW_BOUND.multipliedBy(2));
    }

    private static List<String> ids(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }
}
