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
 * The bulk path of an embedded database: what {@code cypher/ingest/create_ratings.cypher} and
 * {@code export_ratings.cypher} do, done through Neo4j's core API, without Bolt's encoding and the Cypher runtime
 * per row. Same nodes, relationships, properties and property types; for an external server the Cypher files run.
 */
final class CoreApi {

    private static final Label USER = Label.label("User");
    private static final Label MOVIE = Label.label("Movie");
    private static final RelationshipType RATED = RelationshipType.withName("RATED");
    /** Attempts of a write transaction that fails transiently (a deadlock with a concurrent batch). */
    private static final int TRANSIENT_ATTEMPTS = 10;

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(CoreApi.class);

    private CoreApi() {
    }

    /**
     * Creates {@code (:User)-[:RATED {rating, ratedAt}]->(:Movie)} for ratings known not to exist yet; {@code byMovie}
     * lists each movie's ratings, movies in ascending id order (so that concurrent batches lock them in one order).
     *
     * @throws IllegalStateException naming the first user or movie the graph does not hold (nothing is written)
     * @throws org.neo4j.graphdb.TransientFailureException when the transaction failed transiently five times
     */
    static void createRatings(GraphDatabaseService db, Map<Long, List<RatingRow>> byMovie) {
        for (int attempt = 1; ; attempt++) {
            try {
                createRatingsOnce(db, byMovie);
                return;
            } catch (RuntimeException e) {
                // a lock conflict with a concurrent batch rolled the transaction back whole: run it again
                if (!isTransient(e) || attempt == TRANSIENT_ATTEMPTS) {
                    throw e;
                }
                backOff(attempt, e);
            }
        }
    }

    private static void createRatingsOnce(GraphDatabaseService db, Map<Long, List<RatingRow>> byMovie) {
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

    /**
     * What {@code cypher/user/put_ratings.cypher} does, through the core API: each rating created or replaced in
     * order, its user marked stale at {@code staleAt} and their revision raised; per rating whether it was new, or empty when its user or
     * movie does not exist. One transaction, retried whole when it fails transiently. A pair the filter of rated pairs
     * certainly lacks is created without looking for it.
     */
    static List<java.util.Optional<Boolean>> putRatings(GraphDatabaseService db, RatedPairs pairs,
                                                        List<RatingRepository.NewRating> rows, long staleAt) {
        java.util.Set<Long> userIds = new java.util.HashSet<>();
        rows.forEach(r -> userIds.add(r.userId()));
        for (int attempt = 1; ; attempt++) {
            try (Transaction tx = db.beginTx()) {
                Map<Long, Node> users = new java.util.TreeMap<>();
                Map<Long, Node> movies = new java.util.TreeMap<>();
                rows.forEach(r -> {
                    users.computeIfAbsent(r.userId(), id -> tx.findNode(USER, "userId", id));
                    movies.computeIfAbsent(r.movieId(), id -> tx.findNode(MOVIE, "movieId", id));
                });
                try (RatedPairs.UserLocks held = pairs.lockUsers(userIds)) {
                    // every node this batch writes is locked first, users then movies, each in ascending id order, so
                    // concurrent batches wait for each other instead of deadlocking
                    users.values().stream().filter(java.util.Objects::nonNull).forEach(tx::acquireWriteLock);
                    movies.values().stream().filter(java.util.Objects::nonNull).forEach(tx::acquireWriteLock);
                    List<java.util.Optional<Boolean>> out = writeLocked(tx, pairs, rows, users, movies, staleAt);
                    tx.commit();
                    return out;
                }
            } catch (RuntimeException e) {
                if (!isTransient(e) || attempt == TRANSIENT_ATTEMPTS) {
                    throw e;
                }
                backOff(attempt, e);
            }
        }
    }

    /** The writes of {@link #putRatings}, once the batch holds its locks. */
    private static List<java.util.Optional<Boolean>> writeLocked(Transaction tx, RatedPairs pairs,
                                                                 List<RatingRepository.NewRating> rows,
                                                                 Map<Long, Node> users, Map<Long, Node> movies,
                                                                 long staleAt) {
        List<java.util.Optional<Boolean>> out = new java.util.ArrayList<>(rows.size());
        java.util.Set<Node> staleUsers = new java.util.HashSet<>();
        for (RatingRepository.NewRating r : rows) {
            Node u = users.get(r.userId());
            Node m = movies.get(r.movieId());
            if (u == null || m == null) {
                out.add(java.util.Optional.empty());
                continue;
            }
            // the filter answers for pairs of other transactions; an earlier row of this batch is in it too
            org.neo4j.graphdb.Relationship rated = pairs.mayHold(r.userId(), r.movieId())
                    ? existing(tx, u, m, pairs.knownRelationship(r.userId(), r.movieId())) : null;
            boolean created = rated == null;
            if (created) {
                rated = u.createRelationshipTo(m, RATED);
                pairs.add(r.userId(), r.movieId());
            }
            pairs.remember(r.userId(), r.movieId(), rated.getId());
            rated.setProperty("rating", r.rating());
            rated.setProperty("ratedAt", r.ratedAt());
            staleUsers.add(u);
            out.add(java.util.Optional.of(created));
        }
        staleUsers.forEach(u -> u.setProperty("signalsStaleAt", staleAt));
        staleUsers.forEach(u -> u.setProperty("revision", ((Number) u.getProperty("revision", 0L)).longValue() + 1));
        return out;
    }

    /**
     * The user's RATED relationship to the movie: the remembered one ({@code known}, -1 if none) when it still joins
     * them, else looked for from the side with fewer of them; null if none.
     */
    private static org.neo4j.graphdb.Relationship existing(Transaction tx, Node user, Node movie, long known) {
        if (known >= 0) {
            try {
                var rel = tx.getRelationshipById(known);
                if (rel != null && rel.isType(RATED) && rel.getStartNode().equals(user) && rel.getEndNode().equals(movie)) {
                    return rel;
                }
            } catch (org.neo4j.graphdb.NotFoundException e) {
                // deleted, or never committed: look for it
            }
        }
        boolean fromUser = user.getDegree(RATED, org.neo4j.graphdb.Direction.OUTGOING)
                <= movie.getDegree(RATED, org.neo4j.graphdb.Direction.INCOMING);
        Node other = fromUser ? movie : user;
        try (var rels = (fromUser ? user : movie).getRelationships(fromUser ? org.neo4j.graphdb.Direction.OUTGOING
                : org.neo4j.graphdb.Direction.INCOMING, RATED)) {
            for (var rel : rels) {
                if (rel.getOtherNode(fromUser ? user : movie).equals(other)) {
                    return rel;
                }
            }
        }
        return null;
    }

    /**
     * Whether a failed transaction may succeed when run again: a transient failure, or a deadlock the lock manager
     * broke by failing this transaction (which the embedded API reports as a plain runtime exception with a
     * transient status).
     */
    static boolean isTransient(RuntimeException e) {
        return e instanceof org.neo4j.graphdb.TransientFailureException
                || (e instanceof org.neo4j.kernel.api.exceptions.Status.HasStatus s
                && s.status().code().classification() == org.neo4j.kernel.api.exceptions.Status.Classification.TransientError);
    }

    /**
     * Waits a random time that grows with the attempt (up to 5·2^attempt ms, at most 2.5 s) before a transaction that
     * failed transiently runs again: two batches that deadlocked would otherwise retry in step and deadlock again.
     */
    private static void backOff(int attempt, RuntimeException cause) {
        LOG.debugf("Transaction failed transiently (attempt %d), run again: %s", attempt, cause.getMessage());
        long bound = Math.min(2_500, 5L << Math.min(attempt, 9));
        try {
            Thread.sleep(1 + java.util.concurrent.ThreadLocalRandom.current().nextLong(bound));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry a transaction", e);
        }
    }

    /** A relationship to write: the target node's key value and the relationship's properties. */
    record Edge(Object to, Map<String, Object> properties) {
    }

    /** A start node's key value and its new relationships of one kind. */
    record Replacement(Object from, List<Edge> edges) {
    }

    /** Which relationships a replacement swaps: type, start and end nodes, and an optional {@code kind} property. */
    record Kind(Label from, String fromKey, RelationshipType type, String kind, Label to, String toKey) {
    }

    /**
     * What the {@code cypher/signals/replace_*.cypher} files do, through the core API: for each start node found, its
     * outgoing relationships of the kind end up exactly the new ones, to the end nodes found (a key the graph does
     * not hold is skipped, as MATCH skips it). A relationship whose end node stays is kept and only its changed
     * properties are written, the others are deleted and the missing ones created: a recomputation that changes
     * little writes little. One transaction, retried when it fails transiently.
     */
    static void replace(GraphDatabaseService db, Kind kind, List<Replacement> batch) {
        for (int attempt = 1; ; attempt++) {
            try (Transaction tx = db.beginTx()) {
                for (Replacement r : batch) {
                    Node from = tx.findNode(kind.from(), kind.fromKey(), r.from());
                    if (from != null) {
                        replace(tx, kind, from, r.edges());
                    }
                }
                tx.commit();
                return;
            } catch (RuntimeException e) {
                if (!isTransient(e) || attempt == TRANSIENT_ATTEMPTS) {
                    throw e;
                }
                backOff(attempt, e);
            }
        }
    }

    private static void replace(Transaction tx, Kind kind, Node from, List<Edge> edges) {
        Map<Node, org.neo4j.graphdb.Relationship> old = new HashMap<>();
        try (var rels = from.getRelationships(org.neo4j.graphdb.Direction.OUTGOING, kind.type())) {
            for (var rel : rels) {
                if ((kind.kind() == null || kind.kind().equals(rel.getProperty("kind", null)))
                        && rel.getEndNode().hasLabel(kind.to())
                        && old.putIfAbsent(rel.getEndNode(), rel) != null) {
                    rel.delete(); // a second one to the same node: the graph keeps one per pair
                }
            }
        }
        for (Edge e : edges) {
            Node to = tx.findNode(kind.to(), kind.toKey(), e.to());
            if (to == null) {
                continue;
            }
            org.neo4j.graphdb.Relationship rel = old.remove(to);
            if (rel == null) {
                rel = from.createRelationshipTo(to, kind.type());
                e.properties().forEach(rel::setProperty);
                continue;
            }
            for (Map.Entry<String, Object> p : e.properties().entrySet()) {
                if (!p.getValue().equals(rel.getProperty(p.getKey(), null))) {
                    rel.setProperty(p.getKey(), p.getValue());
                }
            }
            for (String key : rel.getPropertyKeys()) {
                if (!e.properties().containsKey(key)) {
                    rel.removeProperty(key);
                }
            }
        }
        old.values().forEach(org.neo4j.graphdb.Relationship::delete);
    }

    /** Every rating, user by user (as {@code cypher/ingest/export_ratings.cypher} returns them, in another order). */
    static void ratings(GraphDatabaseService db, java.util.function.Consumer<RatingRow> out) {
        try (Transaction tx = db.beginTx()) {
            Map<Node, Long> movieIds = new HashMap<>();
            try (var users = tx.findNodes(USER)) {
                while (users.hasNext()) {
                    Node u = users.next();
                    long userId = ((Number) u.getProperty("userId")).longValue();
                    try (var rated = u.getRelationships(org.neo4j.graphdb.Direction.OUTGOING, RATED)) {
                        for (var r : rated) {
                            Node m = r.getEndNode();
                            Long movieId = movieIds.get(m);
                            if (movieId == null) {
                                movieId = ((Number) m.getProperty("movieId")).longValue();
                                movieIds.put(m, movieId);
                            }
                            out.accept(new RatingRow(userId, movieId, ((Number) r.getProperty("rating")).doubleValue(),
                                    ((Number) r.getProperty("ratedAt", 0L)).longValue()));
                        }
                    }
                }
            }
            tx.commit();
        }
    }
}
