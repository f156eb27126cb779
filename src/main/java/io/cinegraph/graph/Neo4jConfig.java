package io.cinegraph.graph;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the graph lives. With no {@code uri} the service starts an embedded Neo4j 5; with one it connects to
 * an existing server. Either way every query goes through neo4j-java-driver over Bolt.
 */
@ConfigMapping(prefix = "cinegraph.neo4j")
public interface Neo4jConfig {

    /** Bolt URI of an external Neo4j 5 server (e.g. {@code neo4j://db:7687}); empty means embedded. */
    Optional<URI> uri();

    /** User name for the external server. */
    @WithDefault("neo4j")
    String user();

    /** Password for the external server (no default is shipped; set CINEGRAPH_NEO4J_PASSWORD). */
    Optional<String> password();

    /** Seconds to wait for a Bolt connection before a request fails with 503. */
    @WithDefault("5")
    int connectionTimeoutSeconds();

    /**
     * Seconds the driver keeps retrying a transaction that failed transiently or found Neo4j unreachable, before the
     * request fails (503 when Neo4j is away): the driver's own default of 30 s would hold every request that long.
     */
    @WithDefault("5")
    int retrySeconds();

    Embedded embedded();

    /** The in-process database used when no {@link #uri()} is configured. */
    interface Embedded {

        /** Directory that holds the database files; reopened on restart. */
        @WithDefault("data/neo4j")
        Path dataDir();

        /** Address Bolt listens on. Keep it on loopback: the embedded database runs without authentication. */
        @WithDefault("127.0.0.1")
        String boltHost();

        /** Bolt port; 0 picks a free one (tests). */
        @WithDefault("7687")
        int boltPort();

        /** Page cache size, in Neo4j's notation (e.g. 512m, 2g). */
        @WithDefault("512m")
        String pageCache();

        /** Directory LOAD CSV reads {@code file:///} URLs from; defaults to {@code <data-dir>/import}. */
        Optional<Path> importDir();
    }
}
