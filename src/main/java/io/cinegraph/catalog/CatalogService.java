package io.cinegraph.catalog;

import io.cinegraph.domain.GraphCounts;

import io.cinegraph.domain.DatasetInfo;

import io.cinegraph.domain.User;

import io.cinegraph.domain.Movie;

import io.cinegraph.graph.CatalogRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** Look-ups of single movies and users, and graph-wide counts. */
@ApplicationScoped
public class CatalogService {

    private final CatalogRepository repository;

    public CatalogService(CatalogRepository repository) {
        this.repository = repository;
    }

    public Movie movie(long movieId) {
        return repository.movie(movieId).orElseThrow(() -> new NotFoundException("movie", movieId));
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
