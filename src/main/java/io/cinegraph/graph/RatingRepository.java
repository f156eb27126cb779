package io.cinegraph.graph;

import io.cinegraph.domain.UserRating;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One user's ratings: read, write one, delete one. */
@ApplicationScoped
public class RatingRepository {

    private final Graph graph;

    public RatingRepository(Graph graph) {
        this.graph = graph;
    }

    public List<UserRating> ratings(long userId) {
        return graph.readList(CypherQuery.USER_RATINGS, Map.of("userId", userId), r -> new UserRating(
                r.get("movieId").asLong(), CatalogRepository.stringOrNull(r.get("title")),
                CatalogRepository.intOrNull(r.get("year")), r.get("rating").asDouble(), r.get("ratedAt").asLong(0)));
    }

    /** Writes the rating; true when it is new, empty when the user or the movie does not exist. */
    public Optional<Boolean> put(long userId, long movieId, double rating, long ratedAt) {
        List<Boolean> rows = graph.writeList(CypherQuery.USER_PUT_RATING,
                Map.of("userId", userId, "movieId", movieId, "rating", rating, "ratedAt", ratedAt),
                r -> r.get("created").asBoolean());
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** True when a rating was deleted. */
    public boolean delete(long userId, long movieId) {
        return graph.writeList(CypherQuery.USER_DELETE_RATING, Map.of("userId", userId, "movieId", movieId),
                r -> r.get("deleted").asLong()).get(0) > 0;
    }
}
