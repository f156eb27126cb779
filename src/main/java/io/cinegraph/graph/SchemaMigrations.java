package io.cinegraph.graph;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The versioned schema files ({@code cypher/schema}), applied whenever the database is opened. */
final class SchemaMigrations {

    /** How long a start waits for the schema's indexes to come online. */
    private static final int AWAIT_INDEXES_SECONDS = 300;

    private SchemaMigrations() {
    }

    /**
     * Applies every versioned schema file; each is idempotent ({@code IF NOT EXISTS}), so a rerun changes nothing. All
     * statements run in one schema transaction (one commit; the new indexes are populated together), then every file
     * is recorded in one write: after a bulk load, which writes the store without any schema, this is most of the
     * time the database takes to come back.
     */
    static void apply(Driver driver, CypherQueries queries) {
        List<Map<String, Object>> applied = new ArrayList<>();
        try (Session session = driver.session()) {
            session.executeWrite(tx -> {
                for (CypherQuery migration : CypherQuery.SCHEMA) {
                    for (String statement : queries.statements(migration)) {
                        try {
                            tx.run(statement).consume();
                        } catch (org.neo4j.driver.exceptions.ClientException e) {
                            throw new GraphUnavailableException("Cannot apply the schema file " + migration.fileName()
                                    + ".cypher (" + statement + "): " + e.getMessage(), e);
                        }
                    }
                }
                return null;
            });
            long now = Instant.now().getEpochSecond();
            for (CypherQuery migration : CypherQuery.SCHEMA) {
                applied.add(Map.of("version", migration.schemaVersion(), "file", migration.fileName(), "appliedAt", now));
            }
            session.executeWrite(tx -> tx.run(queries.text(CypherQuery.SCHEMA_RECORD_MIGRATION),
                    Map.of("migrations", applied)).consume());
            session.run(queries.text(CypherQuery.GRAPH_AWAIT_INDEXES), Map.of("seconds", AWAIT_INDEXES_SECONDS)).consume();
        }
    }
}
