package io.cinegraph.graph;

import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;

import java.util.List;
import java.util.Map;

/**
 * A plain Bolt client of any Neo4j server (the service's embedded one, or an external one), for the benchmark's
 * baseline: what a plain Cypher recommendation query costs, one session per calling thread.
 */
public final class BoltClient implements AutoCloseable {

    private final Driver driver;
    private final CypherQueries queries = CypherQueries.load();
    private final ThreadLocal<Session> sessions;

    /** {@code user} null: no authentication. */
    public BoltClient(String uri, String user, String password) {
        AuthToken auth = user == null ? AuthTokens.none() : AuthTokens.basic(user, password);
        this.driver = GraphDatabase.driver(uri, auth);
        this.sessions = ThreadLocal.withInitial(driver::session);
    }

    /** The users with ratings. */
    public List<Long> userIds() {
        return driver.executableQuery(queries.text(CypherQuery.BENCH_USER_IDS)).execute().records().stream()
                .map(r -> r.get("userId").asLong()).toList();
    }

    /** Every movie. */
    public List<Long> movieIds() {
        return driver.executableQuery(queries.text(CypherQuery.BENCH_MOVIE_IDS)).execute().records().stream()
                .map(r -> r.get("movieId").asLong()).toList();
    }

    /** The user's top movies by plain Cypher Pearson kNN ({@code cypher/bench/pearson_knn.cypher}); how many. */
    public int pearsonKnn(long userId) {
        String query = queries.text(CypherQuery.BENCH_PEARSON_KNN);
        return sessions.get().executeRead(tx -> tx.run(query, Map.of("userId", userId)).list()).size();
    }

    @Override
    public void close() {
        driver.close();
    }
}
