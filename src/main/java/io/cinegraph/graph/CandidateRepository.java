package io.cinegraph.graph;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;

/**
 * Runs the candidate queries of {@code cypher/candidates} (and the similar-movies query): each row is a movie,
 * its score, and the evidence the query returned for it, by column name. What the evidence says to a person is
 * {@code signals/Explanations}' business.
 */
@ApplicationScoped
public class CandidateRepository {

    /** One proposed movie: id, title, year, score, and the query's other columns (the evidence). */
    public record CandidateRow(long movieId, String title, Integer year, double score, Evidence evidence) {
    }

    private final Graph graph;

    public CandidateRepository(Graph graph) {
        this.graph = graph;
    }

    public List<CandidateRow> userKnn(long userId, int limit) {
        return rows(CypherQuery.CANDIDATES_USER_KNN, Map.of("userIds", List.of(userId), "limit", limit));
    }

    public List<CandidateRow> itemKnn(long userId, int limit) {
        return rows(CypherQuery.CANDIDATES_ITEM_KNN, Map.of("userIds", List.of(userId), "limit", limit));
    }

    public List<CandidateRow> genre(long userId, int limit) {
        return rows(CypherQuery.CANDIDATES_GENRE, Map.of("userIds", List.of(userId), "limit", limit));
    }

    public List<CandidateRow> cohort(long userId, int limit, double globalMean, double priorWeight) {
        return rows(CypherQuery.CANDIDATES_COHORT, Map.of("userId", userId, "limit", limit, "globalMean", globalMean,
                "priorWeight", priorWeight));
    }

    public List<CandidateRow> popular(long userId, int limit) {
        return rows(CypherQuery.CANDIDATES_POPULAR, Map.of("userId", userId, "limit", limit));
    }

    /** The movies most similar to one movie. */
    public List<CandidateRow> similarMovies(long movieId, int limit) {
        return rows(CypherQuery.MOVIE_SIMILAR, Map.of("movieId", movieId, "limit", limit));
    }

    /** The query's rows, kept compactly (see {@link CandidateRows}). */
    private List<CandidateRow> rows(CypherQuery query, Map<String, Object> params) {
        return CandidateRows.of(graph.readList(query, params, r -> r));
    }
}
