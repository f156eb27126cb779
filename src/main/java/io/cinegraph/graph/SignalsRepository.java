package io.cinegraph.graph;

import io.cinegraph.domain.AgeBands;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;

/** Materializes the graph signals, a batch of users or movies per transaction. */
@ApplicationScoped
public class SignalsRepository {

    private final Graph graph;

    public SignalsRepository(Graph graph) {
        this.graph = graph;
    }

    /** Mean rating over the graph, latest rating time (epoch seconds) and rating count. */
    public record GlobalStats(double globalMean, long latestRatedAt, long ratings, double ratingMax) {
    }

    public List<Long> userIds() {
        return graph.readList(CypherQuery.SIGNALS_ALL_USER_IDS, Map.of(), r -> r.get("id").asLong());
    }

    public List<Long> movieIds() {
        return graph.readList(CypherQuery.SIGNALS_ALL_MOVIE_IDS, Map.of(), r -> r.get("id").asLong());
    }

    public GlobalStats globalStats() {
        return graph.readOne(CypherQuery.SIGNALS_GLOBAL_STATS, Map.of(), r -> new GlobalStats(
                r.get("globalMean").isNull() ? 0 : r.get("globalMean").asDouble(),
                r.get("latestRatedAt").isNull() ? 0 : r.get("latestRatedAt").asLong(),
                r.get("ratings").asLong(), r.get("ratingMax").isNull() ? 5 : r.get("ratingMax").asDouble())).orElseThrow();
    }

    /** Recomputes the rating statistics of a batch of users in the graph. */
    public void userStats(List<Long> userIds) {
        graph.write(CypherQuery.SIGNALS_USER_STATS, Map.of("userIds", userIds));
    }

    /** A user's rating count, mean, population standard deviation and latest rating time (nulls without ratings). */
    public record UserStats(long userId, long n, Double mean, Double sd, Long lastRatedAt) {
    }

    /** Writes statistics computed elsewhere. */
    public void setUserStats(List<UserStats> stats) {
        graph.write(CypherQuery.SIGNALS_SET_USER_STATS, Map.of("rows", stats.stream().map(s -> row(
                "userId", s.userId(), "n", s.n(), "mean", s.mean(), "sd", s.sd(), "lastRatedAt", s.lastRatedAt())).toList()));
    }

    /** Sets the age band of a batch of users from their age ({@link AgeBands}). */
    public void ageBands(List<Long> userIds) {
        graph.write(CypherQuery.SIGNALS_AGE_BANDS, Map.of("userIds", userIds, "ageBands", AgeBands.LOWEST_AGES));
    }

    /** A movie's rating count, sum of its ratings, mean (null without ratings), Bayesian mean and trend. */
    public record MoviePopularity(long movieId, long n, double total, Double mean, double bayesMean, double trend) {
    }

    /** Writes popularity computed elsewhere. */
    public void setMoviePopularity(List<MoviePopularity> rows) {
        graph.write(CypherQuery.SIGNALS_SET_MOVIE_POPULARITY, Map.of("rows", rows.stream().map(p -> row(
                "movieId", p.movieId(), "n", p.n(), "total", p.total(), "mean", p.mean(), "bayesMean", p.bayesMean(), "trend", p.trend())).toList()));
    }

    /** A parameter row from alternating keys and values; a null value is kept (Cypher then removes the property). */
    private static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new java.util.HashMap<>(keysAndValues.length);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }

    public void moviePopularity(List<Long> movieIds, GlobalStats global, double priorWeight, double halfLifeSeconds) {
        graph.write(CypherQuery.SIGNALS_MOVIE_POPULARITY, Map.of("movieIds", movieIds, "globalMean", global.globalMean(),
                "latestRatedAt", global.latestRatedAt(), "priorWeight", priorWeight, "halfLifeSeconds", halfLifeSeconds));
    }

    /** A user's demographic fields (null where unknown); {@code ageBand} after user statistics. */
    public record Demographics(long userId, String gender, Integer ageBand, String occupation) {
    }

    /** A user's demographic cohort: its level (0–3) and how many other users it holds. */
    public record CohortLevel(long userId, int level, long users) {
    }

    public void userDemographics(java.util.function.Consumer<Demographics> out) {
        graph.stream(CypherQuery.SIGNALS_USER_DEMOGRAPHICS, Map.of(), r -> out.accept(new Demographics(
                r.get("userId").asLong(), CatalogRepository.stringOrNull(r.get("gender")),
                CatalogRepository.intOrNull(r.get("ageBand")), CatalogRepository.stringOrNull(r.get("occupation")))));
    }

    public void setCohortLevels(List<CohortLevel> levels) {
        graph.write(CypherQuery.SIGNALS_SET_COHORT_LEVELS, Map.of("rows", levels.stream()
                .map(l -> Map.<String, Object>of("userId", l.userId(), "level", l.level(), "users", l.users())).toList()));
    }

    /** Sets every genre's prior affinity and rating count (genres absent from the maps: 0). */
    public void setGenrePriors(Map<String, Double> priors, Map<String, Long> supports) {
        graph.write(CypherQuery.SIGNALS_SET_GENRE_PRIORS, Map.of("priors", priors, "supports", supports));
    }

    /** A user's affinity to one genre and how many of their ratings it rests on. */
    public record Preference(String genre, double affinity, long support) {
    }

    /** The new genre affinities of one user (empty: they keep none). */
    public record Preferences(long userId, List<Preference> genres) {
    }

    /** Replaces the PREFERS relationships of each user of the batch. */
    public void replaceGenreAffinity(List<Preferences> batch) {
        var embedded = graph.embeddedDatabase();
        if (embedded.isPresent()) {
            CoreApi.replace(embedded.get(), PREFERS, batch.stream().map(p -> new CoreApi.Replacement(p.userId(),
                    p.genres().stream().map(g -> new CoreApi.Edge(g.genre(),
                            Map.<String, Object>of("affinity", g.affinity(), "support", g.support()))).toList())).toList());
            return;
        }
        graph.write(CypherQuery.SIGNALS_REPLACE_GENRE_AFFINITY, Map.of("rows", batch.stream()
                .map(p -> Map.<String, Object>of("userId", p.userId(), "genres", p.genres().stream()
                        .map(g -> Map.<String, Object>of("genre", g.genre(), "affinity", g.affinity(), "support", g.support()))
                        .toList()))
                .toList()));
    }

    /** Every movie's genres (movies without a genre are left out). */
    public Map<Long, List<String>> movieGenres() {
        Map<Long, List<String>> out = new java.util.HashMap<>();
        graph.stream(CypherQuery.SIGNALS_MOVIE_GENRES, Map.of(),
                r -> out.put(r.get("movieId").asLong(), r.get("genres").asList(org.neo4j.driver.Value::asString)));
        return out;
    }

    /** Users marked stale by a rating write and not refreshed since, oldest mark first. */
    public List<Long> staleUsers() {
        return graph.readList(CypherQuery.SIGNALS_STALE_USERS, Map.of(), r -> r.get("userId").asLong());
    }

    /** Records that the signals were recomputed whole from the ratings read at {@code computedAt} (epoch ms). */
    public void recordComputed(long computedAt) {
        graph.write(CypherQuery.SIGNALS_RECORD_COMPUTED, Map.of("computedAt", computedAt));
    }

    /** Epoch ms of the last whole recomputation of the signals (0 if none is recorded). */
    public long computedAt() {
        return graph.readOne(CypherQuery.SIGNALS_COMPUTED_AT, Map.of(), r -> r.get("computedAt").asLong(0)).orElse(0L);
    }

    /**
     * Clears the stale marks set up to {@code refreshedFrom} (epoch ms) of these users, or of every user when
     * {@code userIds} is null.
     */
    public void clearStale(List<Long> userIds, long refreshedFrom) {
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("userIds", userIds);
        params.put("refreshedFrom", refreshedFrom);
        graph.write(CypherQuery.SIGNALS_CLEAR_STALE, params);
    }

    public void genreAffinity(List<Long> userIds, double shrinkage) {
        graph.write(CypherQuery.SIGNALS_GENRE_AFFINITY, Map.of("userIds", userIds, "shrinkage", shrinkage));
    }

    /**
     * Recomputes the NEIGHBOUR relationships of these users in the graph: computed by a read
     * ({@code user_neighbours.cypher}), which holds no locks, then written in place ({@link #replaceUserNeighbours}),
     * a short transaction that keeps the relationships that stay.
     */
    public void userNeighbours(List<Long> userIds, int k, int minOverlap, double shrinkage, int degreeCap) {
        List<Replacement> scored = graph.readList(CypherQuery.SIGNALS_USER_NEIGHBOURS, Map.of("userIds", userIds,
                        "k", k, "minOverlap", minOverlap, "shrinkage", shrinkage, "degreeCap", degreeCap),
                r -> new Replacement(r.get("userId").asLong(), r.get("neighbours").asList(n -> new Scored(
                        n.get("userId").asLong(), n.get("score").asDouble(), n.get("overlap").asLong()))));
        replaceUserNeighbours(scored);
    }

    public void itemSimilarity(List<Long> movieIds, int k, int minOverlap, double shrinkage, int degreeCap) {
        graph.write(CypherQuery.SIGNALS_ITEM_SIMILARITY, Map.of("movieIds", movieIds, "k", k, "minOverlap", minOverlap,
                "shrinkage", shrinkage, "degreeCap", degreeCap));
    }

    /** What content similarity compares: a movie's genres, year (null if unknown), rating count and tags. */
    public record ContentRow(long movieId, List<String> genres, Integer year, long ratingCount, List<String> tags) {
    }

    /** A movie's new content-similar movies (empty: it keeps none), each as (movie id, score). */
    public record ContentSimilar(long movieId, List<Map.Entry<Long, Double>> similar) {
    }

    public void contentFeatures(java.util.function.Consumer<ContentRow> out) {
        graph.stream(CypherQuery.SIGNALS_CONTENT_FEATURES, Map.of(), r -> out.accept(new ContentRow(
                r.get("movieId").asLong(), r.get("genres").asList(org.neo4j.driver.Value::asString),
                CatalogRepository.intOrNull(r.get("year")), r.get("ratingCount").asLong(),
                r.get("tags").asList(org.neo4j.driver.Value::asString))));
    }

    /** Replaces the content SIMILAR relationships of each movie of the batch. */
    public void replaceContentSimilarity(List<ContentSimilar> batch) {
        var embedded = graph.embeddedDatabase();
        if (embedded.isPresent()) {
            CoreApi.replace(embedded.get(), CONTENT_SIMILAR, batch.stream().map(c -> new CoreApi.Replacement(c.movieId(),
                    c.similar().stream().map(e -> new CoreApi.Edge(e.getKey(), Map.<String, Object>of(
                            "score", e.getValue(), "overlap", 0L, "kind", "content"))).toList())).toList());
            return;
        }
        graph.write(CypherQuery.SIGNALS_REPLACE_CONTENT_SIMILARITY, Map.of("rows", batch.stream()
                .map(c -> Map.<String, Object>of("movieId", c.movieId(), "similar", c.similar().stream()
                        .map(e -> Map.<String, Object>of("movieId", e.getKey(), "score", e.getValue())).toList()))
                .toList()));
    }

    /** One similar user or movie and the figures of its relationship. */
    public record Scored(long id, double score, long overlap) {
    }

    /** The new neighbours (or similar movies) of one user (or movie). */
    public record Replacement(long id, List<Scored> scored) {
    }

    /** Every viewed movie its viewer has not rated, streamed as (user, movie, {@code rating}, latest view). */
    public void views(double rating, java.util.function.Consumer<io.cinegraph.domain.Rows.RatingRow> out) {
        graph.stream(CypherQuery.SIGNALS_ALL_VIEWS, Map.of(), r -> out.accept(new io.cinegraph.domain.Rows.RatingRow(
                r.get("userId").asLong(), r.get("movieId").asLong(), rating, r.get("lastAt").asLong(0))));
    }

    /** Every rating of the graph, streamed. */
    public void ratings(java.util.function.Consumer<io.cinegraph.domain.Rows.RatingRow> out) {
        IngestRepository.exportRatings(graph, out);
    }

    /**
     * Replaces the NEIGHBOUR relationships of each user of the batch (through the core API when the database is
     * embedded, else {@code replace_user_neighbours.cypher}; the same relationships and property types).
     */
    public void replaceUserNeighbours(List<Replacement> batch) {
        var embedded = graph.embeddedDatabase();
        if (embedded.isPresent()) {
            CoreApi.replace(embedded.get(), NEIGHBOUR, scored(batch, null));
            return;
        }
        graph.write(CypherQuery.SIGNALS_REPLACE_USER_NEIGHBOURS, Map.of("rows", rows(batch, "userId", "neighbours")));
    }

    /** Replaces the rating-based SIMILAR relationships of each movie of the batch (core API when embedded). */
    public void replaceRatingSimilarity(List<Replacement> batch) {
        var embedded = graph.embeddedDatabase();
        if (embedded.isPresent()) {
            CoreApi.replace(embedded.get(), RATING_SIMILAR, scored(batch, "rating"));
            return;
        }
        graph.write(CypherQuery.SIGNALS_REPLACE_RATING_SIMILARITY, Map.of("rows", rows(batch, "movieId", "similar")));
    }

    private static final org.neo4j.graphdb.Label USER = org.neo4j.graphdb.Label.label("User");
    private static final org.neo4j.graphdb.Label MOVIE = org.neo4j.graphdb.Label.label("Movie");
    private static final CoreApi.Kind NEIGHBOUR = new CoreApi.Kind(USER, "userId",
            org.neo4j.graphdb.RelationshipType.withName("NEIGHBOUR"), null, USER, "userId");
    private static final CoreApi.Kind RATING_SIMILAR = new CoreApi.Kind(MOVIE, "movieId",
            org.neo4j.graphdb.RelationshipType.withName("SIMILAR"), "rating", MOVIE, "movieId");
    private static final CoreApi.Kind CONTENT_SIMILAR = new CoreApi.Kind(MOVIE, "movieId",
            org.neo4j.graphdb.RelationshipType.withName("SIMILAR"), "content", MOVIE, "movieId");
    private static final CoreApi.Kind PREFERS = new CoreApi.Kind(USER, "userId",
            org.neo4j.graphdb.RelationshipType.withName("PREFERS"), null, org.neo4j.graphdb.Label.label("Genre"), "name");

    /** score and overlap (and the kind, when given) of each scored entry, as the Cypher files write them. */
    private static List<CoreApi.Replacement> scored(List<Replacement> batch, String kind) {
        return batch.stream().map(r -> new CoreApi.Replacement(r.id(), r.scored().stream().map(s -> new CoreApi.Edge(s.id(),
                kind == null ? Map.<String, Object>of("score", s.score(), "overlap", s.overlap())
                        : Map.<String, Object>of("score", s.score(), "overlap", s.overlap(), "kind", kind))).toList())).toList();
    }

    private static List<Map<String, Object>> rows(List<Replacement> batch, String idKey, String listKey) {
        return batch.stream().map(r -> Map.<String, Object>of(idKey, r.id(), listKey, r.scored().stream()
                .map(s -> Map.<String, Object>of(idKey, s.id(), "score", s.score(), "overlap", s.overlap()))
                .toList())).toList();
    }
}
