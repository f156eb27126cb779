package io.cinegraph.graph;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;

/** What schema the database holds. */
@ApplicationScoped
public class SchemaRepository {

    private final Graph graph;

    public SchemaRepository(Graph graph) {
        this.graph = graph;
    }

    /** Names of every index, including those backing constraints, sorted. */
    public List<String> schemaObjects() {
        return graph.readList(CypherQuery.GRAPH_SCHEMA_OBJECTS, Map.of(), r -> r.get("name").asString());
    }
}
