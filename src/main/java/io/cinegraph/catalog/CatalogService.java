package io.cinegraph.catalog;

import io.cinegraph.domain.Candidate;
import io.cinegraph.domain.DatasetInfo;
import io.cinegraph.domain.GraphCounts;
import io.cinegraph.domain.Movie;
import io.cinegraph.domain.User;
import io.cinegraph.graph.CandidateRepository;
import io.cinegraph.graph.CatalogRepository;
import io.cinegraph.signals.Explanations;
import io.cinegraph.signals.SignalJob;
import io.cinegraph.signals.SignalSnapshot;
import io.cinegraph.signals.SignalSnapshots;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Look-ups of single movies and users, the movies similar to one, graph-wide counts, and new catalogue items. A new
 * movie can be searched, browsed and rated at once, and gets its content similarity (genres, year) right away; it
 * joins the ranker's features at the next signal run.
 */
@ApplicationScoped
public class CatalogService {

    @Inject CatalogRepository repository;
    @Inject CandidateRepository candidates;

    private static final int ID_ATTEMPTS = 5;

    @Inject SignalJob signals;
    @Inject SignalSnapshots snapshots;
    private final java.time.Clock clock = java.time.Clock.systemUTC();

    /**
     * Adds a movie to the catalogue (genres among the graph's, matched regardless of case); returns it.
     *
     * @throws ConflictException when its requested id is taken
     */
    public Movie createMovie(io.cinegraph.domain.NewMovie movie) {
        List<String> genres = Genres.known(movie.genres() == null ? List.of() : movie.genres(),
                repository.genres().stream().map(io.cinegraph.domain.GenreCount::name).toList(), "genres");
        io.cinegraph.domain.NewMovie checked = new io.cinegraph.domain.NewMovie(movie.movieId(), movie.title().strip(),
                movie.year(), genres, movie.imdbId(), movie.tmdbId());
        for (int attempt = 1; attempt <= ID_ATTEMPTS; attempt++) {
            CatalogRepository.Creation created = repository.createMovie(checked, clock.instant().getEpochSecond());
            if (created instanceof CatalogRepository.Creation.Created c) {
                signals.refreshMovie(c.movieId());
                Movie added = movie(c.movieId());
                snapshots.addMovie(added.movieId(), new SignalSnapshot.MovieSignals(added.title(), added.genres(),
                        added.year(), 0, null, 0));
                return added;
            }
            if (created instanceof CatalogRepository.Creation.Taken) {
                throw new ConflictException("A movie with id " + movie.movieId() + " is already in the catalogue; "
                        + "leave movieId out to get the next free id.");
            }
        }
        throw new IllegalStateException("No free movie id after " + ID_ATTEMPTS + " attempts: too many creations at once");
    }

    public Movie movie(long movieId) {
        return repository.movie(movieId).orElseThrow(() -> new NotFoundException("movie", movieId));
    }

    /** The movies most SIMILAR to an existing movie, with why; a 404 for an unknown movie. */
    public List<Candidate> similar(long movieId, int limit) {
        movie(movieId);
        return candidates.similarMovies(movieId, limit).stream().map(row -> new Candidate(row.movieId(), row.title(),
                row.year(), row.score(), Explanations.similar(movieId, row))).toList();
    }

    public User user(long userId) {
        return repository.user(userId).orElseThrow(() -> new NotFoundException("user", userId));
    }

    public GraphCounts counts() {
        return repository.counts();
    }

    public java.util.Optional<DatasetInfo> dataset() {
        return repository.dataset();
    }
}
