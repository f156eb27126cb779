package io.cinegraph.graph;

import io.cinegraph.domain.Candidate;
import io.cinegraph.domain.Explanation;
import jakarta.enterprise.context.ApplicationScoped;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Runs the candidate queries of {@code cypher/candidates} and turns their evidence into explanations. */
@ApplicationScoped
public class CandidateRepository {

    private final Graph graph;

    public CandidateRepository(Graph graph) {
        this.graph = graph;
    }

    public List<Candidate> userKnn(long userId, int limit) {
        return graph.readList(CypherQuery.CANDIDATES_USER_KNN, Map.of("userIds", List.of(userId), "limit", limit), r -> {
            long neighbours = r.get("neighbours").asLong();
            double mean = r.get("neighbourMean").asDouble();
            List<Long> ids = r.get("neighbourIds").asList(Value::asLong);
            return candidate(r, new Explanation("user-knn",
                    String.format(Locale.ROOT, "%d %s with tastes like yours rated it %.1f★ on average", neighbours,
                            neighbours == 1 ? "person" : "people", mean),
                    facts("neighbours", neighbours, "neighbourMean", mean, "predictedRating", r.get("predicted").asDouble(),
                            "neighbourIds", ids),
                    List.of(user(userId), "[:NEIGHBOUR]", "(:User {userId: " + ids.get(0) + "})", "[:RATED]", movie(r)),
                    "explore/why_user_knn", Map.of("userId", userId, "movieId", r.get("movieId").asLong())));
        });
    }

    public List<Candidate> itemKnn(long userId, int limit) {
        return graph.readList(CypherQuery.CANDIDATES_ITEM_KNN, Map.of("userIds", List.of(userId), "limit", limit), r -> {
            long because = r.get("becauseMovieId").asLong();
            double rating = r.get("becauseRating").asDouble();
            return candidate(r, new Explanation("item-knn",
                    "because you rated " + r.get("becauseTitle").asString() + " " + stars(rating),
                    facts("becauseMovieId", because, "becauseTitle", r.get("becauseTitle").asString(),
                            "becauseRating", rating, "support", r.get("support").asLong()),
                    List.of(user(userId), "[:RATED {rating: " + stars(rating).replace("★", "") + "}]",
                            "(:Movie {movieId: " + because + "})", "[:SIMILAR]", movie(r)),
                    "explore/why_item_knn", Map.of("userId", userId, "movieId", r.get("movieId").asLong())));
        });
    }

    public List<Candidate> genre(long userId, int limit) {
        return graph.readList(CypherQuery.CANDIDATES_GENRE, Map.of("userIds", List.of(userId), "limit", limit), r -> {
            String genre = r.get("genre").asString();
            return candidate(r, new Explanation("genre", "you often enjoy " + genre,
                    facts("genre", genre, "affinity", r.get("affinity").asDouble(), "support", r.get("support").asLong()),
                    List.of(user(userId), "[:PREFERS]", "(:Genre {name: '" + genre + "'})", "<-[:IN_GENRE]-", movie(r)),
                    "explore/why_genre", Map.of("userId", userId, "movieId", r.get("movieId").asLong())));
        });
    }

    public List<Candidate> cohort(long userId, int limit, double globalMean, double priorWeight) {
        return graph.readList(CypherQuery.CANDIDATES_COHORT, Map.of("userId", userId, "limit", limit,
                "globalMean", globalMean, "priorWeight", priorWeight), r -> {
            int level = r.get("level").asInt();
            String who = Cohorts.describe(level, CatalogRepository.intOrNull(r.get("ageBand")),
                    CatalogRepository.stringOrNull(r.get("gender")), CatalogRepository.stringOrNull(r.get("occupation")));
            double mean = r.get("cohortMean").asDouble();
            long n = r.get("cohortRatings").asLong();
            return candidate(r, new Explanation("cohort",
                    String.format(Locale.ROOT, "popular with %s (%d ratings, %.1f★ on average)", who, n, mean),
                    facts("cohort", who, "cohortLevel", level, "cohortUsers", r.get("cohortUsers").asLong(0),
                            "cohortRatings", n, "cohortMean", mean),
                    List.of("(:User " + Cohorts.pattern(level, CatalogRepository.intOrNull(r.get("ageBand")),
                            CatalogRepository.stringOrNull(r.get("gender")), CatalogRepository.stringOrNull(r.get("occupation")))
                            + ")", "[:RATED]", movie(r)),
                    "explore/why_cohort", Map.of("userId", userId, "movieId", r.get("movieId").asLong())));
        });
    }

    public List<Candidate> popular(long userId, int limit) {
        return graph.readList(CypherQuery.CANDIDATES_POPULAR, Map.of("userId", userId, "limit", limit), r -> {
            long n = r.get("ratingCount").asLong();
            double mean = r.get("meanRating").asDouble();
            return candidate(r, new Explanation("popular",
                    String.format(Locale.ROOT, "one of the most rated movies (%d ratings, %.1f★ on average)", n, mean),
                    facts("ratingCount", n, "meanRating", mean), List.of("(:User)", "[:RATED]", movie(r)),
                    "explore/movie_ratings", Map.of("movieId", r.get("movieId").asLong())));
        });
    }

    /** The movies most similar to one movie. */
    public List<Candidate> similarMovies(long movieId, int limit) {
        return graph.readList(CypherQuery.MOVIE_SIMILAR, Map.of("movieId", movieId, "limit", limit), r -> {
            String kind = r.get("kind").asString();
            long overlap = r.get("overlap").asLong();
            String sentence = kind.equals("rating")
                    ? overlap + " people rated both, in similar ways"
                    : "similar genres, year and tags";
            return candidate(r, new Explanation("similar", sentence,
                    facts("kind", kind, "overlap", overlap, "similarity", r.get("score").asDouble()),
                    List.of("(:Movie {movieId: " + movieId + "})", "[:SIMILAR {kind: '" + kind + "'}]", movie(r)),
                    "explore/similar_movies", Map.of("movieId", movieId)));
        });
    }

    private static Candidate candidate(Record r, Explanation explanation) {
        return new Candidate(r.get("movieId").asLong(), r.get("title").asString(), CatalogRepository.intOrNull(r.get("year")),
                r.get("score").asDouble(), explanation);
    }

    private static String user(long userId) {
        return "(:User {userId: " + userId + "})";
    }

    private static String movie(Record r) {
        return "(:Movie {movieId: " + r.get("movieId").asLong() + "})";
    }

    private static String stars(double rating) {
        return (rating == Math.rint(rating) ? String.valueOf((long) rating) : String.valueOf(rating)) + "★";
    }

    private static Map<String, Object> facts(Object... keyValues) {
        Map<String, Object> facts = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            facts.put((String) keyValues[i], keyValues[i + 1]);
        }
        return facts;
    }
}
