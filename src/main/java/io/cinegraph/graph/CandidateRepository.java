package io.cinegraph.graph;

import jakarta.enterprise.context.ApplicationScoped;
import org.neo4j.driver.Record;

import java.util.List;
import java.util.Map;
import java.util.Set;

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

    private static final Set<String> ROW_COLUMNS = Set.of("movieId", "title", "year", "score");

    private final Graph graph;

    public CandidateRepository(Graph graph) {
        this.graph = graph;
    }

    public List<CandidateRow> userKnn(long userId, int limit) {
        return graph.readList(CypherQuery.CANDIDATES_USER_KNN, Map.of("userIds", List.of(userId), "limit", limit),
                CandidateRepository::row);
    }

    public List<CandidateRow> itemKnn(long userId, int limit) {
        return graph.readList(CypherQuery.CANDIDATES_ITEM_KNN, Map.of("userIds", List.of(userId), "limit", limit),
                CandidateRepository::row);
    }

    public List<CandidateRow> genre(long userId, int limit) {
        return graph.readList(CypherQuery.CANDIDATES_GENRE, Map.of("userIds", List.of(userId), "limit", limit),
                CandidateRepository::row);
    }

    public List<CandidateRow> cohort(long userId, int limit, double globalMean, double priorWeight) {
        return graph.readList(CypherQuery.CANDIDATES_COHORT, Map.of("userId", userId, "limit", limit,
                "globalMean", globalMean, "priorWeight", priorWeight), CandidateRepository::row);
    }

    public List<CandidateRow> popular(long userId, int limit) {
        return graph.readList(CypherQuery.CANDIDATES_POPULAR, Map.of("userId", userId, "limit", limit),
                CandidateRepository::row);
    }

    /** The movies most similar to one movie. */
    public List<CandidateRow> similarMovies(long movieId, int limit) {
        return graph.readList(CypherQuery.MOVIE_SIMILAR, Map.of("movieId", movieId, "limit", limit),
                CandidateRepository::row);
    }

    private static CandidateRow row(Record r) {
        return new CandidateRow(r.get("movieId").asLong(), r.get("title").asString(),
                CatalogRepository.intOrNull(r.get("year")), r.get("score").asDouble(), Evidence.of(r, ROW_COLUMNS));
    }
}
