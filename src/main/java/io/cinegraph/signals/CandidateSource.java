package io.cinegraph.signals;

import io.cinegraph.domain.Candidate;

import java.util.List;

/**
 * One signal used as a recommender: scored movies the user has not rated, best first, each with its evidence.
 * Every source is both a candidate generator for the ranker and a stand-alone baseline.
 */
public interface CandidateSource {

    /** Stable name used on the command line and in reports (e.g. {@code item-knn}). */
    String name();

    List<Candidate> candidates(long userId, int limit);
}
