package io.cinegraph.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Real embedded Neo4j for tests that do not need Quarkus: one database per test JVM, started on first use on
 * a free port in a temporary directory, deleted when the JVM exits. Tests empty it with {@link #clear}.
 */
public final class TestGraphs {

    private static final String TEST_PAGE_CACHE = "64m";

    private static Graph shared;
    private static Path sharedDir;

    private TestGraphs() {
    }

    /** The JVM's shared embedded graph. */
    public static synchronized Graph shared() {
        if (shared == null) {
            try {
                sharedDir = Files.createTempDirectory("cinegraph-test-neo4j");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            shared = new Graph(embedded(sharedDir), CypherQueries.load());
            shared.boltUri();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                shared.close();
                deleteRecursively(sharedDir);
            }));
        }
        return shared;
    }

    /** The directory LOAD CSV reads file:/// URLs from in the shared database. */
    public static Path importDir() {
        shared();
        return sharedDir.resolve("import");
    }

    /** Removes every user, movie, genre and dataset node (the schema stays). */
    public static void clear(Graph graph) {
        new IngestRepository(graph).clearGraph();
    }

    /** Configuration of an embedded database in {@code dir} on a free Bolt port. */
    public static Neo4jConfig embedded(Path dir) {
        return Neo4jConfigs.embedded(dir, TEST_PAGE_CACHE);
    }

    /** Configuration of an external server at {@code uri}. */
    public static Neo4jConfig external(URI uri, String password) {
        return Neo4jConfigs.external(uri, password);
    }

    public static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
