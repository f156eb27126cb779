package io.cinegraph.users;

import io.cinegraph.catalog.NotFoundException;
import io.cinegraph.domain.User;
import io.cinegraph.graph.CatalogRepository;
import io.cinegraph.graph.UserRepository;
import io.cinegraph.graph.UserSignalsRepository;
import io.cinegraph.signals.SignalJob;
import io.cinegraph.support.InvalidParameterException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * Sign-up: a new user with demographics and the genres and movies they like (no ratings yet). The liked genres
 * and movies are checked against the graph; the user's statistics and cohort are computed at once so that
 * cold-start recommendations can be served right away.
 */
@ApplicationScoped
public class UserService {

    private static final int ID_ATTEMPTS = 5;

    @Inject UserRepository users;
    @Inject CatalogRepository catalog;
    @Inject UserSignalsRepository userSignals;
    @Inject SignalJob signals;
    private final Clock clock = Clock.systemUTC();
    /** The dataset's occupations change only with an import: read at most once a minute. */
    private final com.github.benmanes.caffeine.cache.Cache<Boolean, List<String>> occupations =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                    .expireAfterWrite(java.time.Duration.ofMinutes(1)).build();

    /** A user's profile; a 404 for an unknown user. */
    public UserProfile profile(long userId) {
        User u = catalog.user(userId).orElseThrow(() -> new NotFoundException("user", userId));
        return new UserProfile(u.userId(), u.age(), u.gender(), u.occupation(), u.zip(), u.ratingCount(), u.meanRating(),
                List.copyOf(userSignals.genreAffinities(userId).values()));
    }

    /** What a new user tells us. */
    public record NewUser(Integer age, String gender, String occupation, String zip, List<String> likedGenres,
                          List<Long> likedMovies) {
        public NewUser {
            likedGenres = likedGenres == null ? List.of() : List.copyOf(likedGenres);
            likedMovies = likedMovies == null ? List.of() : List.copyOf(likedMovies);
        }
    }

    /** Creates the user; returns the new id. */
    public long create(NewUser user) {
        user = withKnownOccupation(user);
        List<String> genres = io.cinegraph.catalog.Genres.known(user.likedGenres(),
                catalog.genres().stream().map(io.cinegraph.domain.GenreCount::name).toList(), "likedGenres");
        Set<Long> existing = user.likedMovies().isEmpty() ? Set.of() : users.existingMovies(user.likedMovies());
        for (long movieId : user.likedMovies()) {
            if (!existing.contains(movieId)) {
                throw new InvalidParameterException("likedMovies", "no movie with id " + movieId);
            }
        }
        long userId = createWithFreeId(user, genres);
        signals.refreshUser(userId, List.of());
        return userId;
    }

    /** An import may bring other occupations. */
    void onImport(@jakarta.enterprise.event.Observes io.cinegraph.ingest.Importer.DatasetImported imported) {
        occupations.invalidateAll();
    }

    /**
     * The occupation must be one the dataset uses (matched regardless of case), when the dataset has any; a blank
     * occupation or zip is refused rather than stored (leave the field out when it is unknown).
     */
    private NewUser withKnownOccupation(NewUser user) {
        if (user.zip() != null && user.zip().isBlank()) {
            throw new InvalidParameterException("zip", "must not be blank; leave it out when unknown");
        }
        if (user.occupation() == null) {
            return user;
        }
        String asked = user.occupation().strip();
        if (asked.isEmpty()) {
            throw new InvalidParameterException("occupation", "must not be blank; leave it out when unknown");
        }
        List<String> known = occupations.get(Boolean.TRUE, k -> users.occupations());
        if (known.isEmpty()) {
            return new NewUser(user.age(), user.gender(), asked, user.zip(), user.likedGenres(), user.likedMovies());
        }
        String match = known.stream().filter(o -> o.equalsIgnoreCase(asked)).findFirst()
                .orElseThrow(() -> new InvalidParameterException("occupation", "unknown occupation '" + asked
                        + "'; this dataset's are: " + String.join(", ", known)));
        return new NewUser(user.age(), user.gender(), match, user.zip(), user.likedGenres(), user.likedMovies());
    }

    /** Two sign-ups at once can pick the same next id; the unique constraint refuses one, which tries again. */
    private long createWithFreeId(NewUser user, List<String> genres) {
        for (int attempt = 1; attempt <= ID_ATTEMPTS; attempt++) {
            java.util.OptionalLong id = users.create(user.age(), user.gender(), user.occupation(), user.zip(), genres,
                    user.likedMovies(), clock.instant().getEpochSecond());
            if (id.isPresent()) {
                return id.getAsLong();
            }
        }
        throw new IllegalStateException("No free user id after " + ID_ATTEMPTS + " attempts: too many sign-ups at once");
    }
}
