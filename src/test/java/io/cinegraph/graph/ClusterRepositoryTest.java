package io.cinegraph.graph;

import io.cinegraph.support.InvalidParameterException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The state replicas share, on a separate Neo4j server reached over Bolt, as replicas reach it: two {@link Graph}s
 * (two "replicas") over one server.
 */
class ClusterRepositoryTest {

    @TempDir
    static Path tmp;
    private static Neo4j server;
    private static Graph a;
    private static Graph b;

    @BeforeAll
    static void start() {
        server = Neo4jBuilders.newInProcessBuilder(tmp.resolve("harness")).withDisabledServer()
                .withConfig(org.neo4j.configuration.GraphDatabaseSettings.pagecache_memory, 32L << 20).build();
        a = new Graph(TestGraphs.external(server.boltURI(), null), CypherQueries.load());
        b = new Graph(TestGraphs.external(server.boltURI(), null), CypherQueries.load());
    }

    @AfterAll
    static void stop() {
        a.close();
        b.close();
        server.close();
    }

    @Test
    void aLeaseIsHeldByOneReplicaUntilReleasedOrExpired() throws InterruptedException {
        ClusterRepository onA = new ClusterRepository(a);
        ClusterRepository onB = new ClusterRepository(b);
        assertThat(onA.acquire("test-lease", "a", "job-1", 60_000).acquired()).isTrue();
        ClusterRepository.Lease refused = onB.acquire("test-lease", "b", "job-2", 60_000);
        assertThat(refused.acquired()).isFalse();
        assertThat(refused.holder()).isEqualTo("a");
        assertThat(refused.job()).isEqualTo("job-1");
        assertThat(refused.remainingMillis()).isBetween(1L, 60_000L);
        assertThat(onA.acquire("test-lease", "a", "job-1", 60_000).acquired()).as("its holder may take it again").isTrue();
        assertThat(onB.renew("test-lease", "b", 60_000)).as("only the holder renews").isFalse();
        assertThat(onA.renew("test-lease", "a", 60_000)).isTrue();

        onB.release("test-lease", "b"); // not b's: nothing happens
        assertThat(onB.acquire("test-lease", "b", "job-2", 60_000).acquired()).isFalse();
        onA.release("test-lease", "a");
        assertThat(onB.acquire("test-lease", "b", "job-2", 1).acquired()).as("released").isTrue();

        Thread.sleep(50); // b's lease of 1 ms has expired by the database's clock
        assertThat(onA.acquire("test-lease", "a", "job-3", 60_000).acquired()).as("expired").isTrue();
        assertThat(onB.renew("test-lease", "b", 60_000)).as("an expired holder cannot renew a taken lease").isFalse();
    }

    @Test
    void replicasAskingAtOnceGetOneLeaseAndDistinctSequenceNumbers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> leases = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String holder = "replica-" + i;
                Graph graph = i % 2 == 0 ? a : b;
                leases.add(pool.submit(() -> new ClusterRepository(graph).acquire("race", holder, "job", 60_000).acquired()));
            }
            int won = 0;
            for (Future<Boolean> f : leases) {
                won += f.get() ? 1 : 0;
            }
            assertThat(won).as("replicas that got the lease").isEqualTo(1);

            Set<Long> numbers = ConcurrentHashMap.newKeySet();
            List<Future<?>> draws = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Graph graph = i % 2 == 0 ? a : b;
                draws.add(pool.submit(() -> {
                    for (int k = 0; k < 10; k++) {
                        numbers.add(new ClusterRepository(graph).nextInSequence("test"));
                    }
                }));
            }
            for (Future<?> f : draws) {
                f.get();
            }
            assertThat(numbers).hasSize(80);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theActiveVersionAndTheJobsWrittenThroughOneReplicaAreReadThroughTheOther() {
        new ClusterRepository(a).recordActiveModel("v-1", 1_000, "a");
        assertThat(new ClusterRepository(b).activeModel()).hasValue(new ClusterRepository.ActiveModel("v-1", 1_000, "a"));

        ClusterRepository onA = new ClusterRepository(a);
        for (int i = 1; i <= 5; i++) {
            onA.saveJob("j-" + i, "2026-01-0" + i, i == 5 ? "RUNNING" : "PROMOTED", "a", "{\"id\":\"j-" + i + "\"}");
        }
        ClusterRepository onB = new ClusterRepository(b);
        assertThat(onB.jobs(3)).containsExactly("{\"id\":\"j-5\"}", "{\"id\":\"j-4\"}", "{\"id\":\"j-3\"}");
        assertThat(onB.runningJobs()).extracting(ClusterRepository.RunningJob::id).containsExactly("j-5");
        onB.pruneJobs(2);
        assertThat(onB.jobs(10)).hasSize(2);
        assertThat(onB.job("j-1")).isEmpty();
    }

    @Test
    void aWritesBookmarkTokenIsAcceptedByTheOtherReplicaAndAForgedOneIsRefused() {
        new ClusterRepository(a).recordActiveModel("v-2", 2_000, "a");
        String token = a.bookmarkToken();
        assertThat(token).isNotBlank();
        b.awaitBookmarks(token, "CineGraph-Bookmark");
        assertThat(new ClusterRepository(b).activeModel().orElseThrow().version()).isEqualTo("v-2");
        assertThatThrownBy(() -> b.awaitBookmarks("not base64!", "CineGraph-Bookmark"))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("not a bookmark token");
        String forged = java.util.Base64.getUrlEncoder().encodeToString("FB:forged".getBytes());
        assertThatThrownBy(() -> b.awaitBookmarks(forged, "CineGraph-Bookmark"))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("does not accept");
        assertThat(new ClusterRepository(b).activeModel()).as("b still reads after a refused token").isPresent();
    }
}
