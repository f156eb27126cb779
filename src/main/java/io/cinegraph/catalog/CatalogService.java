package io.cinegraph.catalog;

import io.cinegraph.domain.Candidate;
import io.cinegraph.domain.DatasetInfo;
import io.cinegraph.domain.GraphCounts;
import io.cinegraph.domain.Movie;
import io.cinegraph.domain.User;
import io.cinegraph.graph.CandidateRepository;
import io.cinegraph.graph.CatalogRepository;
import io.cinegraph.signals.Explanations;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Look-ups of single movies and users, the movies similar to one, and graph-wide counts. */
@ApplicationScoped
public class CatalogService {

    private final CatalogRepository repository;
    private final CandidateRepository candidates;

    public CatalogService(CatalogRepository repository, CandidateRepository candidates) {
        this.repository = repository;
        this.candidates = candidates;
    }

    public Movie movie(long movieId) {
        return repository.movie(movieId).orElseThrow(() -> new NotFoundException("movie", movieId));
    }

    /** The movies most SIMILAR to an existing movie, with why; a 404 for an unknown movie. */
    public List<Candidate> similar(long movieId, int limit) {
        movie(movieId);
        return candidates.similarMovies(movieId, limit).stream().map(row -> Explanations.similar(movieId, row)).toList();
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
