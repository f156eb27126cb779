package io.cinegraph.graph;

import io.cinegraph.domain.Rows.MovieRow;
import io.cinegraph.domain.Rows.RatingRow;
import io.cinegraph.domain.Rows.TagRow;
import io.cinegraph.domain.Rows.UserRow;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/** Batched, idempotent writes of imported rows ({@code UNWIND} + {@code MERGE}), and reads for exports. */
@ApplicationScoped
public class IngestRepository {

    private final Graph graph;

    public IngestRepository(Graph graph) {
        this.graph = graph;
    }

    /** How many ratings of a batch were new, and how many changed value or time. */
    public record RatingWrite(long created, long updated) {
    }

    /** Nodes deleted per transaction when the graph is emptied. */
    private static final int CLEAR_BATCH = 10_000;

    /** Empties the graph (keeps the schema), in bounded transactions; returns how many nodes were deleted. */
    public long clearGraph() {
        long total = 0;
        long deleted;
        do {
            deleted = graph.writeList(CypherQuery.GRAPH_CLEAR, Map.of("limit", CLEAR_BATCH),
                    r -> r.get("deleted").asLong()).get(0);
            total += deleted;
        } while (deleted > 0);
        return total;
    }

    /** A bulk load for a first import, when the graph is embedded and empty (see {@link BulkLoad}). */
    public java.util.Optional<BulkLoad> bulkLoad() {
        return graph.bulkLoad();
    }

    public void mergeGenres(List<String> names) {
        graph.write(CypherQuery.INGEST_MERGE_GENRES, Map.of("names", names));
    }

    public void mergeUsers(List<UserRow> rows) {
        graph.write(CypherQuery.INGEST_MERGE_USERS, Map.of("rows", Parameters.of(rows)));
    }

    public void mergeMovies(List<MovieRow> rows) {
        graph.write(CypherQuery.INGEST_MERGE_MOVIES, Map.of("rows", Parameters.of(rows)));
    }

    /** Creates the users of a batch that the graph does not hold yet (datasets without a users file). */
    public void mergeUserIds(Collection<Long> userIds) {
        graph.write(CypherQuery.INGEST_MERGE_USER_IDS, Map.of("userIds", List.copyOf(userIds)));
    }

    /** Upserts ratings of existing users and movies; counts new and changed ones. */
    public RatingWrite mergeRatings(List<RatingRow> rows) {
        List<RatingWrite> result = graph.writeList(CypherQuery.INGEST_MERGE_RATINGS, Map.of("users", byUser(rows)),
                rec -> new RatingWrite(rec.get("created").asLong(0), rec.get("updated").asLong(0)));
        return result.isEmpty() ? new RatingWrite(0, 0) : result.get(0);
    }

    /**
     * Creates ratings the caller knows are not in the graph (no existence check): through the core API when the
     * database is embedded, else with {@code ingest/create_ratings.cypher}.
     */
    public RatingWrite createRatings(List<RatingRow> rows) {
        Map<Long, List<RatingRow>> grouped = new TreeMap<>();
        for (RatingRow r : rows) {
            grouped.computeIfAbsent(r.movieId(), k -> new ArrayList<>()).add(r);
        }
        var embedded = graph.embeddedDatabase();
        if (embedded.isPresent()) {
            CoreApi.createRatings(embedded.get(), grouped);
            return new RatingWrite(rows.size(), 0);
        }
        List<Map<String, Object>> movies = new ArrayList<>(grouped.size());
        grouped.forEach((movieId, ratings) -> movies.add(Map.of("movieId", movieId, "ratings", ratings.stream()
                .map(r -> List.<Object>of(r.userId(), r.rating(), r.ratedAt())).toList())));
        graph.write(CypherQuery.INGEST_CREATE_RATINGS, Map.of("movies", movies));
        return new RatingWrite(rows.size(), 0);
    }

    /** [{userId, ratings: [[movieId, rating, ratedAt], ...]}], in first-seen order, so that later rows win. */
    private static List<Map<String, Object>> byUser(List<RatingRow> rows) {
        Map<Long, List<List<Object>>> grouped = new LinkedHashMap<>();
        for (RatingRow r : rows) {
            grouped.computeIfAbsent(r.userId(), k -> new ArrayList<>()).add(List.of(r.movieId(), r.rating(), r.ratedAt()));
        }
        List<Map<String, Object>> users = new ArrayList<>(grouped.size());
        grouped.forEach((userId, ratings) -> users.add(Map.of("userId", userId, "ratings", ratings)));
        return users;
    }

    public void mergeTags(List<TagRow> rows) {
        graph.write(CypherQuery.INGEST_MERGE_TAGS, Map.of("rows", Parameters.of(rows)));
    }

    public void recordDataset(Map<String, Object> props) {
        graph.write(CypherQuery.INGEST_RECORD_DATASET, Map.of("props", props));
    }

    public void exportMovies(Consumer<MovieRow> out) {
        graph.stream(CypherQuery.EXPORT_MOVIES, Map.of(), r -> out.accept(new MovieRow(r.get("movieId").asLong(),
                r.get("title").asString(), CatalogRepository.intOrNull(r.get("year")),
                r.get("genres").asList(org.neo4j.driver.Value::asString),
                CatalogRepository.stringOrNull(r.get("imdbId")), CatalogRepository.longOrNull(r.get("tmdbId")))));
    }

    public void exportUsers(Consumer<UserRow> out) {
        graph.stream(CypherQuery.EXPORT_USERS, Map.of(), r -> out.accept(new UserRow(r.get("userId").asLong(),
                CatalogRepository.intOrNull(r.get("age")), CatalogRepository.stringOrNull(r.get("gender")),
                CatalogRepository.stringOrNull(r.get("occupation")), CatalogRepository.stringOrNull(r.get("zip")))));
    }

    /** Every rating: through the core API when the database is embedded, else {@code ingest/export_ratings.cypher}. */
    public void exportRatings(Consumer<RatingRow> out) {
        exportRatings(graph, out);
    }

    static void exportRatings(Graph graph, Consumer<RatingRow> out) {
        var embedded = graph.embeddedDatabase();
        if (embedded.isPresent()) {
            CoreApi.ratings(embedded.get(), out);
            return;
        }
        graph.stream(CypherQuery.EXPORT_RATINGS, Map.of(), r -> out.accept(new RatingRow(r.get("userId").asLong(),
                r.get("movieId").asLong(), r.get("rating").asDouble(), r.get("ratedAt").asLong())));
    }

    public void exportTags(Consumer<TagRow> out) {
        graph.stream(CypherQuery.EXPORT_TAGS, Map.of(), r -> out.accept(new TagRow(r.get("userId").asLong(),
                r.get("movieId").asLong(), r.get("tag").asString(), r.get("taggedAt").asLong())));
    }
}
