package io.cinegraph.graph;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.QueryConfig;
import org.neo4j.driver.Record;
import org.neo4j.driver.RoutingControl;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.summary.SummaryCounters;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one door to Neo4j. Opens the embedded database or connects to the external one, applies the schema,
 * and runs named statements in managed transactions. Records are mapped to Java values inside the
 * transaction, so no driver type leaves the {@code graph} package.
 *
 * <p>The connection is opened on first use, so CLI commands that never touch the graph never lock it.
 */
@ApplicationScoped
public class Graph implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Graph.class);
    private static final QueryConfig READ = QueryConfig.builder().withRouting(RoutingControl.READ).build();

    private final Neo4jConfig config;
    private final CypherQueries queries;
    private volatile Connection connection;
    /** Set while {@link #replaceEmbeddedStore} has the database stopped. */
    private volatile boolean reloading;
    private final GuardedCalls calls = new GuardedCalls();

    @Inject
    public Graph(Neo4jConfig config, CypherQueries queries) {
        this.config = config;
        this.queries = queries;
    }

    private record Connection(Driver driver, EmbeddedNeo4j embedded, URI boltUri) {
    }

    private Connection connection() {
        Connection current = connection;
        if (current == null) {
            if (reloading) {
                throw new GraphUnavailableException("The graph is being bulk-loaded; try again when the import is done.");
            }
            synchronized (this) {
                current = connection;
                if (current == null) {
                    current = open();
                    connection = current;
                }
            }
        }
        return current;
    }

    private Connection open() {
        Config.ConfigBuilder builder = Config.builder()
                .withConnectionTimeout(config.connectionTimeoutSeconds(), TimeUnit.SECONDS)
                .withMaxTransactionRetryTime(config.retrySeconds(), TimeUnit.SECONDS)
                .withLogging(org.neo4j.driver.Logging.none());
        // neo4j+s:// and bolt+s:// (Aura, a cluster with TLS) carry their encryption in the scheme; the others are plain
        String scheme = config.uri().map(URI::getScheme).orElse("bolt");
        if (!scheme.endsWith("+s") && !scheme.endsWith("+ssc")) {
            builder.withoutEncryption();
        }
        Config driverConfig = builder.build();
        if (config.uri().isPresent()) {
            URI uri = config.uri().get();
            AuthToken auth = config.password().map(p -> AuthTokens.basic(config.user(), p)).orElse(AuthTokens.none());
            Driver driver = GraphDatabase.driver(uri, auth, driverConfig);
            try {
                driver.verifyConnectivity();
            } catch (RuntimeException e) {
                driver.close();
                throw new GraphUnavailableException("Neo4j at " + uri + " is not reachable: " + e.getMessage(), e);
            }
            LOG.infof("Connected to external Neo4j at %s", uri);
            Connection opened = new Connection(driver, null, uri);
            SchemaMigrations.apply(opened.driver(), queries);
            return opened;
        }
        Neo4jConfig.Embedded embedded = config.embedded();
        Path importDir = embedded.importDir().orElse(embedded.dataDir().resolve("import"));
        EmbeddedNeo4j db = EmbeddedNeo4j.start(embedded.dataDir(), embedded.boltHost(), embedded.boltPort(),
                embedded.pageCache(), importDir);
        Driver driver = GraphDatabase.driver(db.boltUri(), AuthTokens.none(), driverConfig);
        Connection opened = new Connection(driver, db, db.boltUri());
        try {
            SchemaMigrations.apply(driver, queries);
        } catch (RuntimeException e) {
            driver.close();
            db.close();
            throw e;
        }
        return opened;
    }

    /** Bolt address of the database (the embedded one's real port, or the configured external URI). */
    public URI boltUri() {
        return connection().boltUri();
    }

    /** The embedded database, for bulk writes through the core API; empty for an external server. */
    java.util.Optional<org.neo4j.graphdb.GraphDatabaseService> embeddedDatabase() {
        EmbeddedNeo4j embedded = connection().embedded();
        return embedded == null ? java.util.Optional.empty() : java.util.Optional.of(embedded.database());
    }

    /** The embedded database's filter of rated pairs (see {@link RatedPairs}); empty for an external server. */
    java.util.Optional<RatedPairs> ratedPairs() {
        EmbeddedNeo4j embedded = connection().embedded();
        return embedded == null ? java.util.Optional.empty() : java.util.Optional.of(embedded.ratedPairs());
    }

    /**
     * Stages a first import for Neo4j's batch importer, when this is an embedded database holding no nodes but
     * the bookkeeping ones (the dataset record, schema migrations); empty otherwise.
     */
    public java.util.Optional<BulkLoad> bulkLoad() {
        if (!isEmbedded()) {
            return java.util.Optional.empty();
        }
        if (readOne(CypherQuery.GRAPH_DATA_NODES, Map.of(), r -> r.get("found").asBoolean()).isPresent()) {
            return java.util.Optional.empty();
        }
        Path staging = connection().embedded().dataDir().resolve("bulk-import-" + System.currentTimeMillis());
        return java.util.Optional.of(new BulkLoad(this, staging));
    }

    /** Stops the embedded database, writes its store with Neo4j's batch importer, and opens it again. */
    synchronized void replaceEmbeddedStore(List<String> importArgs) {
        Connection current = connection();
        reloading = true;
        try {
            connection = null;
            // not waited for (its event loops take a fifth of a second to wind down): the database's shutdown
            // closes its connections anyway, and nothing uses this driver any more
            current.driver().closeAsync();
            current.embedded().close();
            EmbeddedNeo4j.importStore(current.embedded().dataDir(), importArgs);
        } finally {
            reloading = false;
        }
        connection();
    }

    /** Whether the service runs its own embedded database (as opposed to an external server). */
    public boolean isEmbedded() {
        return config.uri().isEmpty();
    }

    /**
     * Runs a read query and maps every record. Uses the driver's executable query (a managed, retried
     * transaction whose messages are pipelined): one round trip instead of four.
     */
    public <T> List<T> readList(CypherQuery query, Map<String, Object> params, Function<Record, T> mapper) {
        return calls.call(() -> connection().driver().executableQuery(queries.text(query))
                .withParameters(params)
                .withConfig(READ)
                .execute(Collectors.mapping(mapper, Collectors.toList())));
    }

    /** Runs a read query that yields at most one record. */
    public <T> Optional<T> readOne(CypherQuery query, Map<String, Object> params, Function<Record, T> mapper) {
        List<T> rows = readList(query, params, mapper);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Runs a write query in one managed transaction and maps the records it returns. */
    public <T> List<T> writeList(CypherQuery query, Map<String, Object> params, Function<Record, T> mapper) {
        return calls.call(() -> {
            try (Session session = session()) {
                return session.executeWrite(tx -> tx.run(queries.text(query), params).list(mapper::apply));
            }
        });
    }

    /** Runs a write query in one managed transaction and reports what it changed. */
    public WriteCounts write(CypherQuery query, Map<String, Object> params) {
        return calls.call(() -> {
            try (Session session = session()) {
                return session.executeWrite(tx -> {
                    SummaryCounters c = tx.run(queries.text(query), params).consume().counters();
                    return new WriteCounts(c.nodesCreated(), c.relationshipsCreated(), c.relationshipsDeleted(),
                            c.propertiesSet());
                });
            }
        });
    }

    /** Streams a read query's records to a consumer inside one transaction (exports). */
    public long stream(CypherQuery query, Map<String, Object> params, java.util.function.Consumer<Record> consumer) {
        return calls.call(() -> {
            try (Session session = session()) {
                return session.executeRead(tx -> {
                    var result = tx.run(queries.text(query), params);
                    long n = 0;
                    while (result.hasNext()) {
                        consumer.accept(result.next());
                        n++;
                    }
                    return n;
                });
            }
        });
    }

    /**
     * A session whose transactions share the bookmarks of the executable queries ({@link #readList}): a read that
     * follows a write of this process sees it, also when reads are routed to a cluster's secondaries.
     */
    private Session session() {
        Driver driver = connection().driver();
        return driver.session(SessionConfig.builder().withBookmarkManager(driver.executableQueryBookmarkManager()).build());
    }

    /**
     * The bookmarks of this process's latest transactions, as one opaque token: a client that wrote through one
     * replica sends it with a read to another ({@link #awaitBookmarks}) to read its own write.
     */
    public String bookmarkToken() {
        return Bookmarks.token(connection().driver());
    }

    /**
     * Makes this process's next reads wait until the database has applied the transactions of a token from
     * {@link #bookmarkToken} (any replica's); a token the database refuses is an invalid {@code field}.
     */
    public void awaitBookmarks(String token, String field) {
        Bookmarks.await(connection().driver(), token, field, queries.text(CypherQuery.PING), calls);
    }

    /** Checks that the database answers (readiness): one attempt, no retry, so an outage shows at once. */
    public void ping() {
        calls.call(() -> {
            try (Session session = connection().driver().session()) {
                return session.run(queries.text(CypherQuery.PING)).single().get("ok").asLong();
            }
        });
    }

    @PreDestroy
    @Override
    public void close() {
        Connection current = connection;
        connection = null;
        if (current != null) {
            current.driver().close();
            if (current.embedded() != null) {
                current.embedded().close();
            }
        }
    }

    /** What a write changed, without the driver's types. */
    public record WriteCounts(int nodesCreated, int relationshipsCreated, int relationshipsDeleted, int propertiesSet) {
    }
}
