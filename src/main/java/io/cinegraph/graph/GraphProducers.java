package io.cinegraph.graph;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** CDI wiring for the graph layer's plain classes. */
public class GraphProducers {

    /** The statements are read once, when the first bean needs them; a missing file fails the start. */
    @Produces
    @Singleton
    CypherQueries cypherQueries() {
        return CypherQueries.load();
    }
}
