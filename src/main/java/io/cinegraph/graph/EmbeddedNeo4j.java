package io.cinegraph.graph;

import org.jboss.logging.Logger;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An in-process Neo4j 5 whose only door is Bolt on a loopback address. Nothing in the application uses the
 * embedded API beyond starting and stopping it: queries go through the driver, exactly as with an external
 * server.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedNeo4j.class);
    private static final String DEFAULT_DATABASE = "neo4j";
    private static final String CONFIG_FILE = "cinegraph-neo4j.conf";

    private final DatabaseManagementService service;
    private final URI boltUri;
    private final Path dataDir;
    private RatedPairs ratedPairs;

    private EmbeddedNeo4j(DatabaseManagementService service, URI boltUri, Path dataDir) {
        this.service = service;
        this.boltUri = boltUri;
        this.dataDir = dataDir;
    }

    /**
     * Starts (or reopens) the database under {@code dataDir}.
     *
     * @throws GraphUnavailableException when the directory is locked by another process or cannot be used
     */
    public static EmbeddedNeo4j start(Path dataDir, String boltHost, int boltPort, String pageCache, Path importDir) {
        requireLoopback(boltHost);
        Path home = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(home);
            Files.createDirectories(importDir);
        } catch (IOException e) {
            throw new GraphUnavailableException("Cannot create the database directory " + home + ": " + e.getMessage(), e);
        }
        long started = System.nanoTime();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("server.bolt.enabled", "true");
        settings.put("server.bolt.listen_address", boltHost + ":" + boltPort);
        settings.put("server.bolt.advertised_address", boltHost + ":" + boltPort);
        settings.put("server.bolt.tls_level", "DISABLED");
        settings.put("server.http.enabled", "false");
        settings.put("server.https.enabled", "false");
        settings.put("dbms.security.auth_enabled", "false");
        settings.put("dbms.usage_report.enabled", "false");
        // Neo4j Browser (served by the service) starts with its usage statistics and crash reports off
        settings.put("client.allow_telemetry", "false");
        settings.put("server.memory.pagecache.size", pageCache);
        settings.put("server.directories.import", importDir.toAbsolutePath().toString());
        settings.put("dbms.security.allow_csv_import_from_file_urls", "true");
        // Bolt's event loops otherwise wait ~10 s on shutdown
        settings.put("internal.dbms.bolt.netty_server_shutdown_quiet_period", "0");
        DatabaseManagementService service;
        try {
            // the embedded builder takes raw settings only from a file: written afresh on every start
            Path conf = home.resolve(CONFIG_FILE);
            StringBuilder text = new StringBuilder("# Written by CineGraph at every start; edits are overwritten.\n");
            settings.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
            Files.writeString(conf, text);
            service = new DatabaseManagementServiceBuilder(home).loadPropertiesFromFile(conf).build();
        } catch (IOException e) {
            throw new GraphUnavailableException("Cannot write the database settings in " + home + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new GraphUnavailableException(describeStartFailure(home, e), e);
        }
        GraphDatabaseAPI db = (GraphDatabaseAPI) service.database(DEFAULT_DATABASE);
        var address = db.getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT);
        URI uri = URI.create("bolt://" + address.getHost() + ":" + address.getPort());
        LOG.infof("Embedded Neo4j started in %d ms: data in %s, Bolt on %s",
                (System.nanoTime() - started) / 1_000_000, home, uri);
        return new EmbeddedNeo4j(service, uri, home);
    }

    /**
     * The embedded database runs without authentication, so its Bolt may listen on a loopback address only: a
     * non-loopback bind would open the graph to anyone who reaches it.
     */
    static void requireLoopback(String boltHost) {
        java.net.InetAddress address;
        try {
            address = java.net.InetAddress.getByName(boltHost);
        } catch (java.net.UnknownHostException e) {
            throw new GraphUnavailableException("Cannot resolve the embedded database's Bolt host '" + boltHost
                    + "' (cinegraph.neo4j.embedded.bolt-host).", e);
        }
        if (!address.isLoopbackAddress()) {
            throw new GraphUnavailableException("The embedded database's Bolt would listen on " + boltHost
                    + ", which is not a loopback address (cinegraph.neo4j.embedded.bolt-host): the embedded database "
                    + "runs without authentication, so anyone reaching that address could read and change the graph. "
                    + "Keep it on 127.0.0.1, or use an external Neo4j server with authentication (cinegraph.neo4j.uri "
                    + "with cinegraph.neo4j.user and cinegraph.neo4j.password).");
        }
    }

    private static String describeStartFailure(Path home, RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName();
            if (name.contains("FileLock") || String.valueOf(t.getMessage()).contains("lock")) {
                return "The database in " + home + " is in use by another process (is the CineGraph service running?). "
                        + "Stop it, or point this command at another directory with -Dcinegraph.neo4j.embedded.data-dir=DIR.";
            }
            if (t instanceof java.net.BindException || String.valueOf(t.getMessage()).contains("Address already in use")) {
                return "The Bolt port is already in use (another Neo4j?). Choose another one with "
                        + "-Dcinegraph.neo4j.embedded.bolt-port=PORT.";
            }
        }
        return "Embedded Neo4j could not start in " + home + ": " + e.getMessage();
    }

    public URI boltUri() {
        return boltUri;
    }

    /** The database itself, for bulk writes through the core API ({@link CoreApi}). */
    org.neo4j.graphdb.GraphDatabaseService database() {
        return service.database(DEFAULT_DATABASE);
    }

    /** The filter of rated pairs of rating writes, filled in the background on first use. */
    synchronized RatedPairs ratedPairs() {
        if (ratedPairs == null) {
            ratedPairs = RatedPairs.start(service, DEFAULT_DATABASE, RatedPairs.MIN_PAIRS, RatedPairs.GRACE_MS);
        }
        return ratedPairs;
    }

    public Path dataDir() {
        return dataDir;
    }

    /**
     * Writes the default database of the (stopped) DBMS in {@code home} afresh with Neo4j's batch importer,
     * {@code neo4j-admin database import full --overwrite-destination} run in this process; {@code args} name the
     * node and relationship files. The importer's own progress lines go to the log.
     *
     * @throws GraphUnavailableException when the importer reports a failure
     */
    static void importStore(Path home, java.util.List<String> args) {
        Path conf = home.resolve("import-conf");
        try {
            Files.createDirectories(conf);
        } catch (IOException e) {
            throw new GraphUnavailableException("Cannot prepare the bulk import in " + home + ": " + e.getMessage(), e);
        }
        long started = System.nanoTime();
        java.io.StringWriter errors = new java.io.StringWriter();
        int exit;
        try (var out = new java.io.PrintStream(new LogLines(LOG), true, java.nio.charset.StandardCharsets.UTF_8);
             var err = new java.io.PrintStream(new LogLines(LOG, errors), true, java.nio.charset.StandardCharsets.UTF_8);
             var fs = new org.neo4j.io.fs.DefaultFileSystemAbstraction()) {
            var command = new org.neo4j.importer.ImportCommand.Full(new org.neo4j.cli.ExecutionContext(home, conf, out, err, fs));
            java.util.List<String> all = new java.util.ArrayList<>(args);
            all.add("--overwrite-destination=true");
            all.add(DEFAULT_DATABASE);
            exit = new picocli.CommandLine(command).execute(all.toArray(String[]::new));
        }
        if (exit != 0) {
            throw new GraphUnavailableException("Neo4j's batch importer failed (exit code " + exit + ") in " + home
                    + ": " + errors.toString().strip());
        }
        LOG.infof("Neo4j's batch importer wrote the store in %.1f s", (System.nanoTime() - started) / 1e9);
    }

    /** The importer's progress rows ("....... 35% ∆0ms"), of which every quarter is kept. */
    private static final java.util.regex.Pattern PROGRESS = java.util.regex.Pattern.compile("^[-.\\s]+(\\d+)% .*");

    static boolean minorProgress(String line) {
        var m = PROGRESS.matcher(line);
        return m.matches() && Integer.parseInt(m.group(1)) % 25 != 0;
    }

    /** An output stream that logs each line it is given (and keeps a copy when asked). */
    private static final class LogLines extends java.io.OutputStream {
        private final Logger log;
        private final java.io.StringWriter copy;
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

        LogLines(Logger log) {
            this(log, null);
        }

        LogLines(Logger log, java.io.StringWriter copy) {
            this.log = log;
            this.copy = copy;
        }

        @Override
        public void write(int b) {
            if (b == '\n') {
                String text = line.toString(java.nio.charset.StandardCharsets.UTF_8).stripTrailing();
                line.reset();
                if (!text.isBlank() && !minorProgress(text)) {
                    log.info(text);
                    if (copy != null) {
                        copy.append(text).append('\n');
                    }
                }
            } else {
                line.write(b);
            }
        }
    }

    @Override
    public void close() {
        long started = System.nanoTime();
        synchronized (this) {
            if (ratedPairs != null) {
                ratedPairs.close();
            }
        }
        try {
            service.shutdown();
            LOG.infof("Embedded Neo4j stopped in %d ms", (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException("Embedded Neo4j did not shut down cleanly", e));
        }
    }
}
