package io.cinegraph.graph;

import io.cinegraph.domain.GraphCounts;
import io.cinegraph.ingest.Fixtures;
import io.cinegraph.ingest.ImportOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Embedded and external databases through the one driver code path; schema and statement files. */
class GraphTest {

    @TempDir
    Path tmp;

    @Test
    void everyCypherFileIsRegisteredAndEveryRegisteredStatementLoads() throws IOException {
        CypherQueries queries = CypherQueries.load();
        List<String> registered = Stream.of(CypherQuery.values()).map(q -> q.fileName() + ".cypher").toList();
        try (Stream<Path> files = Files.walk(Path.of("cypher"))) {
            List<String> onDisk = files.filter(p -> p.toString().endsWith(".cypher"))
                    .map(p -> Path.of("cypher").relativize(p).toString())
                    .toList();
            assertThat(registered).containsExactlyInAnyOrderElementsOf(onDisk);
        }
        for (CypherQuery q : CypherQuery.values()) {
            assertThat(queries.text(q)).isNotBlank().doesNotStartWith("//");
        }
        assertThat(queries.statements(CypherQuery.SCHEMA_V001_CONSTRAINTS)).hasSize(5);
    }

    @Test
    void anEmbeddedDatabaseReopensWithItsDataAndReappliesTheSchemaWithoutChange() {
        Path dir = tmp.resolve("db");
        List<String> schemaBefore;
        try (Graph graph = new Graph(TestGraphs.embedded(dir), CypherQueries.load())) {
            Fixtures.importer(graph)
                    .run(Fixtures.ml100k(tmp.resolve("ml")), new ImportOptions(10, ImportOptions.OnError.FAIL, null, false));
            schemaBefore = new SchemaRepository(graph).schemaObjects();
        }
        try (Graph reopened = new Graph(TestGraphs.embedded(dir), CypherQueries.load())) {
            assertThat(new CatalogRepository(reopened).counts()).isEqualTo(new GraphCounts(3, 4, 4, 5, 0));
            assertThat(new SchemaRepository(reopened).schemaObjects()).isEqualTo(schemaBefore)
                    .contains("user_id", "movie_id", "genre_name", "movie_year");
        }
    }

    @Test
    void theEmbeddedDatabaseReportsNoUsageAndBrowserStartsWithItsReportsOff() {
        try (Graph graph = new Graph(TestGraphs.embedded(tmp.resolve("quiet")), CypherQueries.load())) {
            graph.ping();
            var db = (org.neo4j.kernel.internal.GraphDatabaseAPI) graph.embeddedDatabase().orElseThrow();
            var config = db.getDependencyResolver().resolveDependency(org.neo4j.configuration.Config.class);
            // what Neo4j Browser reads through dbms.clientConfig() for its usage statistics and crash reports
            assertThat(config.get(config.getDeclaredSettings().get("client.allow_telemetry"))).isEqualTo(false);
            assertThat(config.get(config.getDeclaredSettings().get("dbms.usage_report.enabled"))).isEqualTo(false);
        }
    }

    @Test
    void theEmbeddedBoltRefusesANonLoopbackBind() {
        assertThatThrownBy(() -> EmbeddedNeo4j.start(tmp.resolve("open"), "0.0.0.0", 0, "8m", tmp.resolve("import")))
                .isInstanceOf(GraphUnavailableException.class)
                .hasMessageContaining("0.0.0.0, which is not a loopback address")
                .hasMessageContaining("cinegraph.neo4j.embedded.bolt-host");
        assertThat(tmp.resolve("open")).doesNotExist();
        EmbeddedNeo4j.requireLoopback("localhost");
        EmbeddedNeo4j.requireLoopback("127.0.0.1");
        EmbeddedNeo4j.requireLoopback("::1");
    }

    @Test
    void aSecondProcessOnTheSameDirectoryGetsOneClearSentence() {
        Path dir = tmp.resolve("locked");
        try (Graph first = new Graph(TestGraphs.embedded(dir), CypherQueries.load())) {
            first.ping();
            try (Graph second = new Graph(TestGraphs.embedded(dir), CypherQueries.load())) {
                assertThatThrownBy(second::ping).isInstanceOf(GraphUnavailableException.class)
                        .hasMessageContaining("in use by another process");
            }
        }
    }

    @Test
    void anExternalServerIsUsedThroughTheSameCodePath() {
        try (Neo4j server = Neo4jBuilders.newInProcessBuilder(tmp.resolve("harness"))
                .withDisabledServer()
                .withConfig(org.neo4j.configuration.GraphDatabaseSettings.pagecache_memory, 32L << 20)
                .build();
             Graph graph = new Graph(TestGraphs.external(server.boltURI(), null), CypherQueries.load())) {
            assertThat(graph.isEmbedded()).isFalse();
            Fixtures.importer(graph)
                    .run(Fixtures.csv(tmp.resolve("csv")), new ImportOptions(2, ImportOptions.OnError.FAIL, null, false));
            assertThat(new CatalogRepository(graph).counts()).isEqualTo(new GraphCounts(3, 4, 8, 5, 2));
            assertThat(new CatalogRepository(graph).movie(1).orElseThrow().title()).isEqualTo("Toy Story");
            ratingWritesCreateReplaceAndSkipInOrder(graph); // user/put_ratings.cypher
        }
    }

    @Test
    void theEmbeddedDatabaseWritesRatingsThroughTheCoreApiAsTheCypherFileDoes() {
        Graph graph = TestGraphs.shared();
        TestGraphs.clear(graph);
        Fixtures.importer(graph)
                .run(Fixtures.csv(tmp.resolve("csv")), new ImportOptions(2, ImportOptions.OnError.FAIL, null, false));
        ratingWritesCreateReplaceAndSkipInOrder(graph); // CoreApi.putRatings
    }

    @Test
    void aSignalWriteBackKeepsTheRelationshipsThatStayAndWritesOnlyWhatChanged() {
        Graph graph = TestGraphs.shared();
        TestGraphs.clear(graph);
        Fixtures.importer(graph)
                .run(Fixtures.ml100k(tmp.resolve("ml")), new ImportOptions(10, ImportOptions.OnError.FAIL, null, false));
        SignalsRepository signals = new SignalsRepository(graph);
        signals.replaceRatingSimilarity(List.of(new SignalsRepository.Replacement(1, List.of(
                new SignalsRepository.Scored(2, 0.5, 3), new SignalsRepository.Scored(3, 0.4, 2)))));
        signals.replaceContentSimilarity(List.of(new SignalsRepository.ContentSimilar(1, List.of(java.util.Map.entry(4L, 0.2)))));
        java.util.Map<String, String> before = similarOfMovieOne(graph);
        assertThat(before.values()).containsExactlyInAnyOrder("2 rating 0.5 3", "3 rating 0.4 2", "4 content 0.2 0");

        // movie 3 stays (new score), movie 2 goes, movie 4 comes by ratings; the content relationship is another kind
        signals.replaceRatingSimilarity(List.of(new SignalsRepository.Replacement(1, List.of(
                new SignalsRepository.Scored(3, 0.9, 2), new SignalsRepository.Scored(4, 0.1, 1)))));
        java.util.Map<String, String> after = similarOfMovieOne(graph);
        assertThat(after.values()).containsExactlyInAnyOrder("3 rating 0.9 2", "4 rating 0.1 1", "4 content 0.2 0");
        String keptTo3 = before.entrySet().stream().filter(e -> e.getValue().startsWith("3 ")).findFirst().orElseThrow().getKey();
        String content = before.entrySet().stream().filter(e -> e.getValue().contains("content")).findFirst().orElseThrow().getKey();
        assertThat(after).as("the relationships that stayed are the same ones").containsKeys(keptTo3, content);
        assertThat(after.get(keptTo3)).isEqualTo("3 rating 0.9 2");
    }

    /** Movie 1's SIMILAR relationships by element id, each as "movieId kind score overlap". */
    private static java.util.Map<String, String> similarOfMovieOne(Graph graph) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        try (var tx = graph.embeddedDatabase().orElseThrow().beginTx()) {
            var movie = tx.findNode(org.neo4j.graphdb.Label.label("Movie"), "movieId", 1L);
            try (var rels = movie.getRelationships(org.neo4j.graphdb.Direction.OUTGOING,
                    org.neo4j.graphdb.RelationshipType.withName("SIMILAR"))) {
                rels.forEach(r -> out.put(r.getElementId(), r.getEndNode().getProperty("movieId") + " "
                        + r.getProperty("kind") + " " + r.getProperty("score") + " " + r.getProperty("overlap")));
            }
        }
        return out;
    }

    /** On the CSV fixture: user 1 rated movies 1 (5★) and 2 (3.5★); there is no movie 99 and no user 77. */
    private static void ratingWritesCreateReplaceAndSkipInOrder(Graph graph) {
        RatingRepository ratings = new RatingRepository(graph);
        ClusterRepository cluster = new ClusterRepository(graph);
        long revision = cluster.userRevision(1);
        List<java.util.Optional<Boolean>> written = ratings.putEach(List.of(
                new RatingRepository.NewRating(1, 3, 4.0, 100),
                new RatingRepository.NewRating(1, 1, 2.5, 101),
                new RatingRepository.NewRating(1, 99, 4.0, 102),
                new RatingRepository.NewRating(77, 1, 4.0, 103)), 5_000L);
        assertThat(written).containsExactly(java.util.Optional.of(true), java.util.Optional.of(false),
                java.util.Optional.empty(), java.util.Optional.empty());
        assertThat(ratings.ratings(1)).extracting(r -> r.movieId() + ":" + r.rating() + "@" + r.ratedAt())
                .containsExactlyInAnyOrder("3:4.0@100", "1:2.5@101", "2:3.5@964981247");
        assertThat(new SignalsRepository(graph).staleUsers()).containsExactly(1L);
        assertThat(new CatalogRepository(graph).counts().ratings()).isEqualTo(6);
        assertThat(cluster.userRevision(1)).as("a write moves the user's revision").isGreaterThan(revision);
        long afterWrite = cluster.userRevision(1);
        assertThat(ratings.delete(1, 3, 6_000L)).isTrue();
        assertThat(cluster.userRevision(1)).as("so does a deletion").isGreaterThan(afterWrite);
        assertThat(cluster.userRevision(2)).as("not another user's").isZero();
    }

    @Test
    void anUnreachableExternalServerIsReportedAsUnavailable() {
        try (Graph graph = new Graph(TestGraphs.external(java.net.URI.create("bolt://127.0.0.1:1"), "secret"),
                CypherQueries.load())) {
            assertThatThrownBy(graph::ping).isInstanceOf(GraphUnavailableException.class)
                    .hasMessageContaining("bolt://127.0.0.1:1 is not reachable");
        }
    }
}
