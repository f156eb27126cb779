package io.cinegraph.graph;

import io.cinegraph.domain.Likes;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** New users and what they said they like. */
@ApplicationScoped
public class UserRepository {

    private final Graph graph;

    public UserRepository(Graph graph) {
        this.graph = graph;
    }

    /** Creates the user with the next free id and returns it. */
    /**
     * Creates a user with the next free id; empty when another sign-up took that id at the same moment (the unique
     * constraint refused this one), so the caller may try again.
     */
    public java.util.OptionalLong create(Integer age, String gender, String occupation, String zip,
                                         List<String> likedGenres, List<Long> likedMovies, long now) {
        Map<String, Object> params = new HashMap<>();
        params.put("age", age);
        params.put("gender", gender);
        params.put("occupation", occupation);
        params.put("zip", zip);
        params.put("likedGenres", likedGenres);
        params.put("likedMovies", likedMovies);
        params.put("now", now);
        try {
            return java.util.OptionalLong.of(graph.writeList(CypherQuery.USER_CREATE, params, r -> r.get("userId").asLong())
                    .get(0));
        } catch (org.neo4j.driver.exceptions.ClientException e) {
            if (e.code().contains("ConstraintValidationFailed")) {
                return java.util.OptionalLong.empty();
            }
            throw e;
        }
    }

    /** The occupations the graph's users have, sorted. */
    public List<String> occupations() {
        return graph.readList(CypherQuery.USER_OCCUPATIONS, Map.of(), r -> r.get("occupation").asString());
    }

    public Likes likes(long userId) {
        return graph.readOne(CypherQuery.USER_LIKES, Map.of("userId", userId), r -> new Likes(
                r.get("genres").asList(org.neo4j.driver.Value::asString),
                r.get("movies").asList(org.neo4j.driver.Value::asLong))).orElse(new Likes(List.of(), List.of()));
    }

    /** The subset of {@code movieIds} that the graph holds. */
    public Set<Long> existingMovies(List<Long> movieIds) {
        return Set.copyOf(graph.readList(CypherQuery.USER_EXISTING_MOVIES, Map.of("movieIds", movieIds),
                r -> r.get("movieId").asLong()));
    }

    /** Up to {@code limit} users with ratings, who rated most recently first. */
    public List<Long> recentlyActive(int limit) {
        return graph.readList(CypherQuery.USER_RECENTLY_ACTIVE, Map.of("limit", limit), r -> r.get("userId").asLong());
    }
}
