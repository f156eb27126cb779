package io.cinegraph.signals;

import io.cinegraph.domain.Candidate;

import java.util.List;
import java.util.function.BiFunction;

/**
 * One signal used as a recommender: scored movies the user has not rated, best first, each with its evidence.
 * Every source is both a candidate generator for the ranker and a stand-alone baseline.
 */
public interface CandidateSource {

    /** Stable name used on the command line and in reports (e.g. {@code item-knn}). */
    String name();

    List<Candidate> candidates(long userId, int limit);

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
