package io.cinegraph.signals;

import io.cinegraph.domain.Candidate;
import io.cinegraph.domain.Explanation;
import io.cinegraph.graph.CandidateRepository.CandidateRow;
import io.cinegraph.graph.CandidateRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.AbstractList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.function.BiFunction;
import java.util.function.Function;

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

    /**
     * A generator: its query's rows, each explained from its evidence when asked. The candidates are a view of the
     * rows, put together when read, so that a cached list keeps only the rows' compact columns.
     */
    private static CandidateSource source(String name, BiFunction<Long, Integer, List<CandidateRow>> query,
                                          BiFunction<Long, CandidateRow, Explanation> explain) {
        return CandidateSource.of(name, (userId, limit) -> {
            List<CandidateRow> rows = query.apply(userId, limit);
            return new CandidateView(rows, row -> new Candidate(row.movieId(), row.title(), row.year(), row.score(),
                    name, () -> explain.apply(userId, row)));
        });
    }

    /** Rows seen as candidates. */
    private static final class CandidateView extends AbstractList<Candidate> implements RandomAccess {
        private final List<CandidateRow> rows;
        private final Function<CandidateRow, Candidate> candidate;

        CandidateView(List<CandidateRow> rows, Function<CandidateRow, Candidate> candidate) {
            this.rows = rows;
            this.candidate = candidate;
        }

        @Override
        public Candidate get(int index) {
            return candidate.apply(rows.get(index));
        }

        @Override
        public int size() {
            return rows.size();
        }
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
