package io.cinegraph.signals;

import io.cinegraph.domain.Candidate;
import io.cinegraph.domain.Explanation;
import io.cinegraph.graph.CandidateRepository;

import java.util.List;

/** The candidate queries with their explanations, as the generators and the catalogue serve them. */
final class CandidateQueries {

    private CandidateQueries() {
    }

    private static Candidate candidate(CandidateRepository.CandidateRow r, Explanation why) {
        return new Candidate(r.movieId(), r.title(), r.year(), r.score(), why);
    }

    static List<Candidate> userKnn(CandidateRepository repository, long userId, int limit) {
        return repository.userKnn(userId, limit).stream().map(r -> candidate(r, Explanations.userKnn(userId, r))).toList();
    }

    static List<Candidate> itemKnn(CandidateRepository repository, long userId, int limit) {
        return repository.itemKnn(userId, limit).stream().map(r -> candidate(r, Explanations.itemKnn(userId, r))).toList();
    }

    static List<Candidate> genre(CandidateRepository repository, long userId, int limit) {
        return repository.genre(userId, limit).stream().map(r -> candidate(r, Explanations.genre(userId, r))).toList();
    }

    static List<Candidate> cohort(CandidateRepository repository, long userId, int limit, double globalMean,
                                  double priorWeight) {
        return repository.cohort(userId, limit, globalMean, priorWeight).stream()
                .map(r -> candidate(r, Explanations.cohort(userId, r))).toList();
    }

    static List<Candidate> popular(CandidateRepository repository, long userId, int limit) {
        return repository.popular(userId, limit).stream().map(r -> candidate(r, Explanations.popular(userId, r))).toList();
    }

    static List<Candidate> similarMovies(CandidateRepository repository, long movieId, int limit) {
        return repository.similarMovies(movieId, limit).stream().map(r -> candidate(r, Explanations.similar(movieId, r))).toList();
    }
}
