package io.cinegraph.signals;

import io.cinegraph.domain.Candidate;

import io.cinegraph.graph.CandidateRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The five candidate generators, by name: user-knn, item-knn, genre, cohort, popular. */
@ApplicationScoped
public class CandidateSources {

    private final Map<String, CandidateSource> sources = new LinkedHashMap<>();

    public CandidateSources(CandidateRepository repository, SignalSnapshots snapshots, SignalsConfig config) {
        add(source("user-knn", repository::userKnn));
        add(source("item-knn", repository::itemKnn));
        add(source("genre", repository::genre));
        add(source("cohort", (userId, limit) -> repository.cohort(userId, limit,
                snapshots.current().global().globalMean(), config.popularityPriorWeight())));
        add(source("popular", repository::popular));
    }

    private void add(CandidateSource source) {
        sources.put(source.name(), source);
    }

    private static CandidateSource source(String name, java.util.function.BiFunction<Long, Integer, List<Candidate>> query) {
        return new CandidateSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<Candidate> candidates(long userId, int limit) {
                return query.apply(userId, limit);
            }
        };
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
