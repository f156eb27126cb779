package io.cinegraph.reliability;

import io.cinegraph.graph.EmbeddedNeo4j;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged service on an external Neo4j 5 server (a separate database reached over Bolt), which stops and
 * starts again under load: meanwhile the service answers 503 problem+json and reports itself not ready; afterwards
 * it serves again without a restart of its own, and every acknowledged write is in the graph.
 */
class OutageIT {

    @TempDir
    Path tmp;

    @Test
    void anExternalNeo4jThatStopsAndComesBackUnderLoadLosesNoAcknowledgedWrite() throws Exception {
        Path data = RatingClients.fixture(tmp.resolve("ml"), 8);
        Path neo4jHome = tmp.resolve("neo4j");
        int bolt = ServiceProcess.freePort();
        EmbeddedNeo4j server = startServer(neo4jHome, bolt);

        try (ServiceProcess service = ServiceProcess.start(tmp.resolve("service"), data, "outage",
                List.of("-Dcinegraph.neo4j.uri=bolt://127.0.0.1:" + bolt, "-Dcinegraph.neo4j.connection-timeout-seconds=2",
                        "-Dcinegraph.neo4j.retry-seconds=2"))) {
            RatingClients clients = new RatingClients(service, RatingClients.CLIENTS, RatingClients.USERS, RatingClients.MOVIES, 0.25);
            Thread.sleep(3_000);
            server.close(); // the outage
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (service.get("/q/health/ready").statusCode() != 503 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(service.get("/q/health/ready").statusCode()).as("readiness while Neo4j is away").isEqualTo(503);
            Thread.sleep(8_000); // longer than a request's retries: requests meanwhile must fail
            long unavailable = clients.statuses().getOrDefault(503, new AtomicLong()).get();

            server = startServer(neo4jHome, bolt); // back, same store and port; the service is not restarted
            while (service.get("/q/health/ready").statusCode() != 200 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(service.get("/q/health/ready").statusCode()).as("readiness after Neo4j is back").isEqualTo(200);
            clients.mark();
            Thread.sleep(6_000);
            Map<String, Integer> expected = clients.stop();
            Map<String, Integer> stored = RatingClients.stored(service, RatingClients.USERS);
            expected.forEach((pair, stars) -> assertThat(stored.get(pair)).as("acknowledged " + pair).isEqualTo(stars));
            System.out.printf("Outage: statuses %s; %d answered 503 while Neo4j was away; after it came back (ready again) %s, "
                    + "%d acknowledged writes; all %d acknowledged pairs present%n", clients.statuses(), unavailable,
                    clients.sinceMark(), clients.acksSinceMark(), expected.size());
            assertThat(clients.statuses().keySet()).as("no 5xx but 503, no connection failure").allMatch(s -> s > 0 && (s < 500 || s == 503));
            assertThat(clients.notProblems()).isEmpty();
            assertThat(unavailable).as("requests answered 503 during the outage").isPositive();
            assertThat(clients.acksSinceMark()).as("writes acknowledged after Neo4j came back").isPositive();
            assertThat(clients.sinceMark().getOrDefault(200, new AtomicLong()).get()).as("reads served after Neo4j came back").isPositive();
        } finally {
            server.close();
        }
    }

    private static EmbeddedNeo4j startServer(Path home, int bolt) {
        return EmbeddedNeo4j.start(home, "127.0.0.1", bolt, "64m", home.resolve("import"));
    }
}
