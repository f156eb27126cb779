package io.cinegraph.cli;

import io.cinegraph.graph.BoltClient;
import picocli.CommandLine.Option;

/** Where the load commands ({@code bench}, {@code soak}) find the running service and its Neo4j. */
public class ServiceTarget {

    @Option(names = "--url", defaultValue = "http://localhost:8080", split = ",", paramLabel = "URL",
            description = "The service (default: ${DEFAULT-VALUE}); several replicas as a comma-separated list, "
                    + "which the requests take in turn (round robin).")
    java.util.List<String> url;

    @Option(names = "--bolt", defaultValue = "bolt://localhost:7687", description = "Its Neo4j (default: ${DEFAULT-VALUE}).")
    String bolt;

    @Option(names = "--neo4j-user", description = "Neo4j user, for an external server with authentication.")
    String neo4jUser;

    @Option(names = "--neo4j-password", description = "Neo4j password (or env CINEGRAPH_NEO4J_PASSWORD).")
    String neo4jPassword;

    /** A client of the service's HTTP API, over every replica given. */
    ServiceClient service() {
        return new ServiceClient(url);
    }

    /** A client of the first replica alone. */
    ServiceClient first() {
        return new ServiceClient(url.subList(0, 1));
    }

    /** A Bolt client of its Neo4j (for the ids of users and movies). */
    BoltClient neo4j() {
        return new BoltClient(bolt, neo4jUser, neo4jPassword != null ? neo4jPassword : System.getenv("CINEGRAPH_NEO4J_PASSWORD"));
    }
}
