package io.cinegraph.graph;

import io.cinegraph.domain.DatasetInfo;
import io.cinegraph.domain.GenreCount;
import io.cinegraph.domain.GraphCounts;
import io.cinegraph.domain.Movie;
import io.cinegraph.domain.User;
import jakarta.enterprise.context.ApplicationScoped;
import org.neo4j.driver.Value;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads movies, users, counts and the dataset record. */
@ApplicationScoped
public class CatalogRepository {

    private final Graph graph;

    public CatalogRepository(Graph graph) {
        this.graph = graph;
    }

    /** Outcome of a creation: the new id, or why there is none. */
    public sealed interface Creation {
        record Created(long movieId) implements Creation {
        }

        /** The requested id is taken. */
        record Taken() implements Creation {
        }

        /** Another creation took the next free id at the same moment: try again. */
        record Raced() implements Creation {
        }
    }

    /** Creates the movie with its (known) genres; {@code now} in epoch seconds. */
    public Creation createMovie(io.cinegraph.domain.NewMovie movie, long now) {
        Map<String, Object> params = Parameters.of(movie);
        params.put("now", now);
        try {
            List<Long> ids = graph.writeList(CypherQuery.MOVIE_CREATE, params, r -> r.get("movieId").asLong());
            return ids.isEmpty() ? new Creation.Taken() : new Creation.Created(ids.get(0));
        } catch (org.neo4j.driver.exceptions.ClientException e) {
            if (e.code().contains("ConstraintValidationFailed")) {
                return movie.movieId() == null ? new Creation.Raced() : new Creation.Taken();
            }
            throw e;
        }
    }

    public Optional<Movie> movie(long movieId) {
        return graph.readOne(CypherQuery.MOVIE_GET, Map.of("movieId", movieId), r -> new Movie(
                r.get("movieId").asLong(), r.get("title").asString(), intOrNull(r.get("year")),
                r.get("genres").asList(Value::asString), stringOrNull(r.get("imdbId")), longOrNull(r.get("tmdbId")),
                r.get("ratingCount").asLong(), doubleOrNull(r.get("meanRating"))));
    }

    public Optional<User> user(long userId) {
        return graph.readOne(CypherQuery.USER_GET, Map.of("userId", userId), r -> new User(
                r.get("userId").asLong(), intOrNull(r.get("age")), stringOrNull(r.get("gender")),
                stringOrNull(r.get("occupation")), stringOrNull(r.get("zip")),
                r.get("ratingCount").asLong(), doubleOrNull(r.get("meanRating"))));
    }

    public GraphCounts counts() {
        return graph.readOne(CypherQuery.STATS_COUNTS, Map.of(), r -> new GraphCounts(r.get("users").asLong(),
                r.get("movies").asLong(), r.get("genres").asLong(), r.get("ratings").asLong(), r.get("tags").asLong()))
                .orElseThrow();
    }

    public Optional<DatasetInfo> dataset() {
        return graph.readOne(CypherQuery.INGEST_GET_DATASET, Map.of(), r -> new DatasetInfo(
                stringOrNull(r.get("name")), stringOrNull(r.get("format")), stringOrNull(r.get("path")),
                stringOrNull(r.get("fingerprint")), r.get("complete").asBoolean(false), longOrNull(r.get("importedAt")),
                doubleOrNull(r.get("ratingMin")), doubleOrNull(r.get("ratingMax")), doubleOrNull(r.get("ratingStep"))));
    }

    static Integer intOrNull(Value v) {
        return v.isNull() ? null : v.asInt();
    }

    static Long longOrNull(Value v) {
        return v.isNull() ? null : v.asLong();
    }

    static Double doubleOrNull(Value v) {
        return v.isNull() ? null : v.asDouble();
    }

    static String stringOrNull(Value v) {
        return v.isNull() ? null : v.asString();
    }

    public java.util.List<GenreCount> genres() {
        return graph.readList(CypherQuery.MOVIE_GENRES, Map.of(), r -> new GenreCount(r.get("name").asString(),
                r.get("movies").asLong()));
    }
}
