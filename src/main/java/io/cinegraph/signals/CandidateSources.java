package io.cinegraph.signals;


import io.cinegraph.domain.Candidate;
import io.cinegraph.domain.Explanation;
import io.cinegraph.graph.CandidateRepository.CandidateRow;
import io.cinegraph.graph.CandidateRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/** The five graph candidate generators, by name: user-knn, item-knn, genre, cohort, popular. */
@ApplicationScoped
public class CandidateSources {

    private final Map<String, CandidateSource> sources = new LinkedHashMap<>();

    public CandidateSources(CandidateRepository repository, SignalSnapshots snapshots, SignalsConfig config) {
        add(source("user-knn", repository::userKnn, Explanations::userKnn));
        add(source("item-knn", repository::itemKnn, Explanations::itemKnn));
        add(source("genre", repository::genre, Explanations::genre));
        add(source("cohort", (userId, limit) -> repository.cohort(userId, limit,
                snapshots.current().global().globalMean(), config.popularityPriorWeight()), Explanations::cohort));
        add(source("popular", repository::popular, Explanations::popular));
    }

    private void add(CandidateSource source) {
        sources.put(source.name(), source);
    }

    /** A generator: its query's rows, each explained from its evidence when asked. */
    private static CandidateSource source(String name, BiFunction<Long, Integer, List<CandidateRow>> query,
                                          BiFunction<Long, CandidateRow, Explanation> explain) {
        return CandidateSource.of(name, (userId, limit) -> query.apply(userId, limit).stream()
                .map(row -> new Candidate(row.movieId(), row.title(), row.year(), row.score(), name,
                        () -> explain.apply(userId, row)))
                .toList());
    }

    public List<String> names() {
        return List.copyOf(sources.keySet());
    }

    public Optional<CandidateSource> byName(String name) {
        return Optional.ofNullable(sources.get(name));
    }

    public List<CandidateSource> all() {
        return List.copyOf(sources.values());
    }
}
