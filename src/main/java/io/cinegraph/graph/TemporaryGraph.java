package io.cinegraph.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A throw-away embedded graph in a temporary directory on a free Bolt port, deleted on close: evaluation
 * imports only the training ratings into one, so that no signal can see a test rating.
 */
public final class TemporaryGraph implements AutoCloseable {

    private static final String PAGE_CACHE = "256m";
    private static final long STORE_BYTES_PER_RATING = 200;

    private final Path dir;
    private final Graph graph;

    public TemporaryGraph() {
        this(PAGE_CACHE);
    }

    /**
     * A page cache for a graph of {@code ratings} ratings: its store takes about {@value #STORE_BYTES_PER_RATING}
     * bytes per rating once the signals are written (4.5 GiB at 25M), so that much, between 256 MiB and a quarter
     * of the machine's memory.
     */
    public static String pageCacheFor(long ratings) {
        long physical = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize();
        long bytes = Math.max(256L << 20, Math.min(physical / 4, ratings * STORE_BYTES_PER_RATING));
        return (bytes >> 20) + "m";
    }

    /** With a page cache of {@code pageCache} (Neo4j's notation, e.g. "2g"), for graphs larger than evaluation's. */
    public TemporaryGraph(String pageCache) {
        try {
            dir = Files.createTempDirectory("cinegraph-eval-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary graph directory", e);
        }
        graph = new Graph(Neo4jConfigs.embedded(dir, pageCache), CypherQueries.load());
        graph.boltUri();
    }

    public Graph graph() {
        return graph;
    }

    /** Bytes the store takes on disk now. */
    public long storeBytes() {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }  catch (IOException e) {
            throw new UncheckedIOException("Cannot measure " + dir, e);
        }
    }

    @Override
    public void close() {
        graph.close();
        io.cinegraph.support.Directories.deleteTree(dir);
    }
}
