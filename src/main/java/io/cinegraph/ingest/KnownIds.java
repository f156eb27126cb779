package io.cinegraph.ingest;

import io.cinegraph.domain.Rows.MovieRow;
import io.cinegraph.domain.Rows.RatingRow;
import io.cinegraph.domain.Rows.TagRow;
import io.cinegraph.domain.Rows.UserRow;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The users and movies one import has read so far, and the checks that need them (what a reader alone cannot
 * know): ids listed twice, ratings and tags of movies (and, where the dataset lists users, users) it does not have.
 * Each check returns the reason a row is refused, or null.
 */
final class KnownIds {

    private final DatasetReader reader;
    private final Set<Long> users = ConcurrentHashMap.newKeySet();
    private final Map<Long, Long> movieLines = new HashMap<>();

    KnownIds(DatasetReader reader) {
        this.reader = reader;
    }

    /** The users read (or created from ratings and tags) so far. */
    Set<Long> users() {
        return users;
    }

    String user(UserRow row, SourcePosition at) {
        return users.add(row.userId()) ? null : "user " + row.userId() + " is listed twice";
    }

    String movie(MovieRow row, SourcePosition at) {
        Long first = movieLines.putIfAbsent(row.movieId(), at.line());
        return first == null ? null : "movie " + row.movieId() + " is listed twice (first at line " + first + ")";
    }

    String rating(RatingRow row, SourcePosition at) {
        return unknownMovieOrUser(row.movieId(), row.userId());
    }

    String tag(TagRow row, SourcePosition at) {
        return unknownMovieOrUser(row.movieId(), row.userId());
    }

    /** Ratings and tags must name a movie of the movies file and, where there is one, a user of the users file. */
    private String unknownMovieOrUser(long movieId, long userId) {
        if (!movieLines.containsKey(movieId)) {
            return "movie " + movieId + " is not in " + reader.moviesFile();
        }
        if (reader.hasUsers() && !users.contains(userId)) {
            return "user " + userId + " is not in " + reader.usersFile();
        }
        return null;
    }
}
