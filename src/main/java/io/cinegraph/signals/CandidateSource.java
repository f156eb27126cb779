package io.cinegraph.signals;

import io.cinegraph.domain.Candidate;

import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * One signal used as a recommender: scored movies the user has not rated, best first, each with its evidence.
 * Every source is both a candidate generator for the ranker and a stand-alone baseline.
 */
public interface CandidateSource {

    /** Stable name used on the command line and in reports (e.g. {@code item-knn}). */
    String name();

    List<Candidate> candidates(long userId, int limit);

    /**
     * Up to {@code limit} of this source's candidates, best first, leaving out the movies of {@code taken}: what the
     * source adds to a list that earlier sources began. The default asks for {@code limit + taken.size()} and filters,
     * which gives the same movies as walking the source's full list.
     */
    default List<Candidate> candidatesBeyond(long userId, int limit, Set<Long> taken) {
        return candidates(userId, limit + taken.size()).stream()
                .filter(c -> !taken.contains(c.movieId())).limit(limit).toList();
    }

    /** A source named {@code name} whose candidates {@code query} gives for (user id, limit). */
    static CandidateSource of(String name, BiFunction<Long, Integer, List<Candidate>> query) {
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
}
