package io.cinegraph.graph;

import io.cinegraph.domain.Rows.RatingRow;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bulk path of an embedded database: writes that {@code cypher/ingest/create_ratings.cypher} describes, done
 * through Neo4j's core API in one transaction, without Bolt's encoding and the Cypher runtime per row. Same nodes,
 * relationships, properties and property types; for an external server the Cypher file runs instead.
 */
final class CoreApiWrites {

    private static final Label USER = Label.label("User");
    private static final Label MOVIE = Label.label("Movie");
    private static final RelationshipType RATED = RelationshipType.withName("RATED");

    private CoreApiWrites() {
    }

    /**
     * Creates {@code (:User)-[:RATED {rating, ratedAt}]->(:Movie)} for ratings known not to exist yet; {@code byMovie}
     * lists each movie's ratings, movies in ascending id order (so that concurrent batches lock them in one order).
     *
     * @throws IllegalStateException naming the first user or movie the graph does not hold (nothing is written)
     */
    static void createRatings(GraphDatabaseService db, Map<Long, List<RatingRow>> byMovie) {
        try (Transaction tx = db.beginTx()) {
            Map<Long, Node> users = new HashMap<>();
            for (Map.Entry<Long, List<RatingRow>> movie : byMovie.entrySet()) {
                Node m = tx.findNode(MOVIE, "movieId", movie.getKey());
                if (m == null) {
                    throw new IllegalStateException("No movie " + movie.getKey() + " in the graph for its ratings");
                }
                for (RatingRow r : movie.getValue()) {
                    Node u = users.computeIfAbsent(r.userId(), id -> tx.findNode(USER, "userId", id));
                    if (u == null) {
                        throw new IllegalStateException("No user " + r.userId() + " in the graph for their ratings");
                    }
                    var rated = u.createRelationshipTo(m, RATED);
                    rated.setProperty("rating", r.rating());
                    rated.setProperty("ratedAt", r.ratedAt());
                }
            }
            tx.commit();
        }
    }
}
