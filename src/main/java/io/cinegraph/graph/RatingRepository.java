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

    /**
     * Writes the rating and marks the user's signals stale at {@code staleAt} (epoch ms); true when it is new, empty
     * when the user or the movie does not exist.
     */
    public Optional<Boolean> put(long userId, long movieId, double rating, long ratedAt, long staleAt) {
        return putEach(List.of(new NewRating(userId, movieId, rating, ratedAt)), staleAt).get(0);
    }

    /** A rating of a batch. */
    public record NewRating(long userId, long movieId, double rating, long ratedAt) {
    }

    /** How many ratings a batch wrote, and how many of them were new. */
    public record BatchWrite(long written, long created) {
    }

    /** Which of these users and movies exist. */
    public record Existing(java.util.Set<Long> users, java.util.Set<Long> movies) {
    }

    /**
     * The items of a batch (item i: {@code userIds[i]}, {@code movieIds[i]}) whose user or movie does not exist, each
     * named as {@code list[i].userId} / {@code list[i].movieId}; empty when all exist. One read for the whole batch.
     */
    public List<io.cinegraph.support.InvalidParameterException.Field> unknown(String list, List<Long> userIds,
                                                                               List<Long> movieIds) {
        Existing existing = existing(new java.util.HashSet<>(userIds), new java.util.HashSet<>(movieIds));
        List<io.cinegraph.support.InvalidParameterException.Field> out = new java.util.ArrayList<>();
        for (int i = 0; i < userIds.size(); i++) {
            if (!existing.users().contains(userIds.get(i))) {
                out.add(new io.cinegraph.support.InvalidParameterException.Field(list + "[" + i + "].userId",
                        "no user " + userIds.get(i)));
            }
            if (!existing.movies().contains(movieIds.get(i))) {
                out.add(new io.cinegraph.support.InvalidParameterException.Field(list + "[" + i + "].movieId",
                        "no movie " + movieIds.get(i)));
            }
        }
        return out;
    }

    public Existing existing(java.util.Collection<Long> userIds, java.util.Collection<Long> movieIds) {
        return graph.readOne(CypherQuery.USER_EXISTING_IDS, Map.of("userIds", List.copyOf(userIds),
                        "movieIds", List.copyOf(movieIds)),
                r -> new Existing(java.util.Set.copyOf(r.get("users").asList(org.neo4j.driver.Value::asLong)),
                        java.util.Set.copyOf(r.get("movies").asList(org.neo4j.driver.Value::asLong)))).orElseThrow();
    }

    /**
     * Writes a batch of ratings of existing users and movies (each pair once) in one transaction, marking their
     * users stale at {@code staleAt} (epoch ms).
     */
    public BatchWrite putAll(List<NewRating> ratings, long staleAt) {
        List<Optional<Boolean>> each = putEach(ratings, staleAt);
        return new BatchWrite(each.stream().filter(Optional::isPresent).count(),
                each.stream().filter(w -> w.orElse(false)).count());
    }

    /**
     * Writes ratings of distinct (user, movie) pairs in one transaction ({@code user/put_ratings.cypher}, or its core-API twin on the
     * embedded database); for each, whether it was new, or empty when its user or movie does not exist (nothing
     * written for it).
     */
    public List<Optional<Boolean>> putEach(List<NewRating> ratings, long staleAt) {
        var embedded = graph.embeddedDatabase();
        if (embedded.isPresent()) {
            // the same writes through the core API: no Cypher runtime per row
            return CoreApi.putRatings(embedded.get(), graph.ratedPairs().orElseThrow(), ratings, staleAt);
        }
        List<Map<String, Object>> rows = ratings.stream().map(r -> Map.<String, Object>of("userId", r.userId(),
                "movieId", r.movieId(), "rating", r.rating(), "ratedAt", r.ratedAt())).toList();
        List<Optional<Boolean>> out = new java.util.ArrayList<>(java.util.Collections.nCopies(ratings.size(),
                Optional.<Boolean>empty()));
        graph.writeList(CypherQuery.USER_PUT_RATINGS, Map.of("ratings", rows, "staleAt", staleAt),
                r -> out.set(r.get("i").asInt(), Optional.of(r.get("created").asBoolean())));
        return out;
    }

    /** True when a rating was deleted (the user's signals are then marked stale at {@code staleAt}, epoch ms). */
    public boolean delete(long userId, long movieId, long staleAt) {
        return graph.writeList(CypherQuery.USER_DELETE_RATING, Map.of("userId", userId, "movieId", movieId,
                        "staleAt", staleAt),
                r -> r.get("deleted").asLong()).get(0) > 0;
    }
}
