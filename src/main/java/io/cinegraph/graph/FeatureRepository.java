package io.cinegraph.graph;

import io.cinegraph.domain.UserSide;
import jakarta.enterprise.context.ApplicationScoped;
import org.neo4j.driver.Value;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads for feature extraction: the materialized signals loaded once into the in-memory snapshot, and the
 * per-user part fetched in one round trip per request.
 */
@ApplicationScoped
public class FeatureRepository {

    private final Graph graph;

    public FeatureRepository(Graph graph) {
        this.graph = graph;
    }

    public record MovieRow(long movieId, String title, List<String> genres, Integer year, long ratingCount, Double bayesMean,
                           double trend) {
    }

    public record SimilarRow(long from, long to, double score) {
    }



    public void movies(Consumer<MovieRow> out) {
        graph.stream(CypherQuery.FEATURES_SNAPSHOT_MOVIES, Map.of(), r -> out.accept(new MovieRow(
                r.get("movieId").asLong(), CatalogRepository.stringOrNull(r.get("title")), r.get("genres").asList(Value::asString), CatalogRepository.intOrNull(r.get("year")),
                r.get("ratingCount").asLong(), CatalogRepository.doubleOrNull(r.get("bayesMean")), r.get("trend").asDouble())));
    }

    public void similar(Consumer<SimilarRow> out) {
        graph.stream(CypherQuery.FEATURES_SNAPSHOT_SIMILAR, Map.of(), r -> out.accept(new SimilarRow(
                r.get("from").asLong(), r.get("to").asLong(), r.get("score").asDouble())));
    }

    /** Every genre's prior affinity p_g, by name. */
    public Map<String, Double> genrePriors() {
        Map<String, Double> out = new java.util.HashMap<>();
        graph.stream(CypherQuery.FEATURES_SNAPSHOT_GENRE_PRIORS, Map.of(),
                r -> out.put(r.get("genre").asString(), r.get("prior").asDouble()));
        return out;
    }

    /** Every rating (one bulk read; see {@link IngestRepository#exportRatings}). */
    public void ratings(Consumer<io.cinegraph.domain.Rows.RatingRow> out) {
        IngestRepository.exportRatings(graph, out);
    }

    /** The per-user part of feature extraction, or empty for an unknown user (ratings only). */
    public java.util.Optional<UserSide> request(long userId) {
        return request(userId, 0);
    }

    /**
     * As {@link #request(long)}; with {@code viewRating} &gt; 0 the movies the user viewed but did not rate are in
     * their history too, each as a rating of {@code viewRating} at the time of the latest view.
     */
    public java.util.Optional<UserSide> request(long userId, double viewRating) {
        return graph.readOne(CypherQuery.FEATURES_REQUEST, Map.of("userId", userId, "withViews", viewRating > 0), r -> {
            Map<String, Double> prefers = new java.util.HashMap<>();
            for (Value p : r.get("prefers").values()) {
                if (!p.get(0).isNull()) {
                    prefers.put(p.get(0).asString(), p.get(1).asDouble());
                }
            }
            List<UserSide.Rated> ratings = new java.util.ArrayList<>(r.get("ratings").asList(v -> v.get(0).isNull() ? null
                    : new UserSide.Rated(v.get(0).asLong(), v.get(1).asDouble(), v.get(2).asLong())));
            ratings.addAll(r.get("views").asList(v -> v.get(0).isNull() ? null
                    : new UserSide.Rated(v.get(0).asLong(), viewRating, v.get(1).asLong(0))));
            List<UserSide.Neighbour> neighbours = r.get("neighbours").asList(v -> v.get(0).isNull() ? null
                    : new UserSide.Neighbour(v.get(0).asLong(), v.get(1).asDouble()));
            return new UserSide(r.get("ratingCount").asLong(0), CatalogRepository.doubleOrNull(r.get("meanRating")),
                    CatalogRepository.doubleOrNull(r.get("ratingSd")), r.get("cohortLevel").asInt(),
                    CatalogRepository.stringOrNull(r.get("gender")), CatalogRepository.intOrNull(r.get("ageBand")),
                    CatalogRepository.stringOrNull(r.get("occupation")),
                    ratings.stream().filter(java.util.Objects::nonNull).toList(), prefers,
                    neighbours.stream().filter(java.util.Objects::nonNull).toList());
        });
    }
}
