package io.cinegraph.graph;

import io.cinegraph.domain.GenreAffinity;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads materialized signals of one user or movie. */
@ApplicationScoped
public class UserSignalsRepository {

    private final Graph graph;

    public UserSignalsRepository(Graph graph) {
        this.graph = graph;
    }

    public record Neighbour(long userId, double score, long overlap) {
    }

    public record Popularity(long ratingCount, Double meanRating, Double bayesMean, Double trend) {
    }

    public List<Neighbour> neighbours(long userId) {
        return graph.readList(CypherQuery.USER_NEIGHBOURS, Map.of("userId", userId), r -> new Neighbour(
                r.get("userId").asLong(), r.get("score").asDouble(), r.get("overlap").asLong()));
    }

    /** Genre → affinity, strongest first. */
    public Map<String, GenreAffinity> genreAffinities(long userId) {
        Map<String, GenreAffinity> out = new LinkedHashMap<>();
        graph.readList(CypherQuery.USER_GENRE_AFFINITIES, Map.of("userId", userId), r -> new GenreAffinity(
                r.get("genre").asString(), r.get("affinity").asDouble(), r.get("support").asLong()))
                .forEach(a -> out.put(a.genre(), a));
        return out;
    }

    public Popularity popularity(long movieId) {
        return graph.readOne(CypherQuery.MOVIE_POPULARITY, Map.of("movieId", movieId), r -> new Popularity(
                r.get("ratingCount").asLong(0), CatalogRepository.doubleOrNull(r.get("meanRating")),
                CatalogRepository.doubleOrNull(r.get("bayesMean")), CatalogRepository.doubleOrNull(r.get("trend"))))
                .orElseThrow();
    }
}
