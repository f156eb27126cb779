package io.cinegraph.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import io.cinegraph.graph.EmbeddedNeo4j;
import io.cinegraph.ingest.SyntheticGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
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
 * The packaged service on an external Neo4j 5 server (a separate database reached over Bolt), which stops and
 * starts again under load: meanwhile the service answers 503 problem+json and reports itself not ready; afterwards
 * it serves again without a restart of its own, and every acknowledged write is in the graph.
 */
class OutageIT {

    private static final int USERS = 120;
    private static final int MOVIES = 150;
    private static final int CLIENTS = 8;

    @TempDir
    Path tmp;

    @Test
    void anExternalNeo4jThatStopsAndComesBackUnderLoadLosesNoAcknowledgedWrite() throws Exception {
        Path data = tmp.resolve("ml");
        new SyntheticGenerator(new SyntheticGenerator.Params(USERS, MOVIES, 6_000, 8, data, SyntheticGenerator.Layout.ML_100K)).write();
        Path neo4jHome = tmp.resolve("neo4j");
        int bolt = ServiceProcess.freePort();
        EmbeddedNeo4j server = startServer(neo4jHome, bolt);

        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        Map<Integer, AtomicLong> afterReturn = new ConcurrentHashMap<>();
        List<String> notProblems = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Map<String, Integer>> acknowledged = new ArrayList<>();
        AtomicLong acksAfterReturn = new AtomicLong();
        AtomicBoolean back = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        try (ServiceProcess service = ServiceProcess.start(tmp.resolve("service"), data, "outage",
                List.of("-Dcinegraph.neo4j.uri=bolt://127.0.0.1:" + bolt, "-Dcinegraph.neo4j.connection-timeout-seconds=2",
                "-Dcinegraph.neo4j.retry-seconds=2"))) {
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
                        try {
                            HttpResponse<String> r;
                            if (random.nextInt(4) == 0) {
                                int movie = 1 + random.nextInt(MOVIES);
                                int stars = 1 + random.nextInt(5);
                                r = service.send("PUT", "/api/users/" + user + "/ratings/" + movie, "{\"rating\": " + stars + "}", false);
                                if (r.statusCode() == 200 || r.statusCode() == 201) {
                                    mine.put(user + "/" + movie, stars);
                                    if (back.get()) {
                                        acksAfterReturn.incrementAndGet();
                                    }
                                }
                            } else {
                                r = service.get("/api/users/" + user + "/recommendations?limit=5");
                            }
                            statuses.computeIfAbsent(r.statusCode(), k -> new AtomicLong()).incrementAndGet();
                            if (back.get()) {
                                afterReturn.computeIfAbsent(r.statusCode(), k -> new AtomicLong()).incrementAndGet();
                            }
                            if (r.statusCode() >= 400 && !r.headers().firstValue("Content-Type").orElse("")
                                    .startsWith("application/problem+json")) {
                                notProblems.add(r.statusCode() + " " + r.body());
                            }
                        } catch (Exception e) {
                            statuses.computeIfAbsent(-1, k -> new AtomicLong()).incrementAndGet();
                        }
                    }
                }));
            }
            Thread.sleep(3_000);
            server.close(); // the outage
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (service.get("/q/health/ready").statusCode() != 503 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(service.get("/q/health/ready").statusCode()).as("readiness while Neo4j is away").isEqualTo(503);
            Thread.sleep(8_000); // longer than a request's retries: requests meanwhile must fail
            service.threadDump("outage");
            long unavailable = statuses.getOrDefault(503, new AtomicLong()).get();

            server = startServer(neo4jHome, bolt); // back, same store and port; the service is not restarted
            while (service.get("/q/health/ready").statusCode() != 200 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(service.get("/q/health/ready").statusCode()).as("readiness after Neo4j is back").isEqualTo(200);
            back.set(true);
            Thread.sleep(6_000);
            stop.set(true);
            for (Future<?> f : clients) {
                f.get();
            }
            pool.shutdown();

            Map<String, Integer> expected = new HashMap<>();
            acknowledged.forEach(expected::putAll);
            Map<String, Integer> stored = new HashMap<>();
            for (int user = 1; user <= USERS; user++) {
                for (JsonNode r : service.getJson("/api/users/" + user + "/ratings")) {
                    stored.put(user + "/" + r.get("movieId").asInt(), (int) r.get("rating").asDouble());
                }
            }
            expected.forEach((pair, stars) -> assertThat(stored.get(pair)).as("acknowledged " + pair).isEqualTo(stars));
            System.out.printf("Outage: statuses %s; %d answered 503 while Neo4j was away; after it came back (ready again) %s, "
                    + "%d acknowledged writes; all %d acknowledged pairs present%n", statuses, unavailable, afterReturn,
                    acksAfterReturn.get(), expected.size());
            assertThat(statuses.keySet()).as("no 5xx but 503, no connection failure").allMatch(s -> s < 500 || s == 503);
            assertThat(notProblems).isEmpty();
            assertThat(unavailable).as("requests answered 503 during the outage").isPositive();
            assertThat(acksAfterReturn.get()).as("writes acknowledged after Neo4j came back").isPositive();
            assertThat(afterReturn.getOrDefault(200, new AtomicLong()).get()).as("reads served after Neo4j came back").isPositive();
        } finally {
            server.close();
        }
    }

    private static EmbeddedNeo4j startServer(Path home, int bolt) {
        return EmbeddedNeo4j.start(home, "127.0.0.1", bolt, "64m", home.resolve("import"));
    }
}
