package io.cinegraph.ranker;

import io.cinegraph.domain.Candidate;
import io.cinegraph.domain.Explanation;
import io.cinegraph.domain.TimeWindows;
import io.cinegraph.model.Collaborative;
import io.cinegraph.model.FractionalRanks;
import io.cinegraph.signals.CandidateSource;
import io.cinegraph.signals.SignalSnapshot;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ranker's in-memory candidate sources for one user's context, each a {@link CandidateSource} with its quota:
 * the most-rated movies up to T, the top EASE, cosine and session scores, and the most-rated movies in the
 * {@link TimeWindows#RECENT} window up to T. Movies the user rated are never proposed.
 */
public final class ModelCandidates {

    /**
     * A source and how many movies it contributes. When {@code onlyNew}, its quota counts only movies that earlier
     * sources did not already propose; otherwise it proposes its own top {@code count} and overlaps collapse.
     */
    public record Quota(CandidateSource source, int count, boolean onlyNew) {
    }

    private ModelCandidates() {
    }

    /**
     * The quotas in the order they fill the list. A user without history gets the EASE and cosine shares as more of
     * the most-rated movies up to T.
     */
    public static List<Quota> quotas(RankerInputs.UserContext user, SignalSnapshot snapshot,
                                     Collaborative collaborative, RankerConfig config) {
        int byPopularity = config.candidatesByPopularity()
                + (user.history().length == 0 ? config.candidatesByEase() + config.candidatesByCosine() : 0);
        return List.of(
                new Quota(mostRated("most-rated", user, snapshot, Long.MIN_VALUE), byPopularity, false),
                new Quota(top("ease", user.easeRank(), user, collaborative), config.candidatesByEase(), true),
                new Quota(top("cosine", user.cosineRank(), user, collaborative), config.candidatesByCosine(), true),
                new Quota(top("session", FractionalRanks.of(user.session()), user, collaborative),
                        config.candidatesBySession(), true),
                new Quota(mostRated("recent-popular", user, snapshot, user.time() - TimeWindows.RECENT),
                        config.candidatesByRecentPopularity(), false));
    }

    /** The movies of every quota, in order and de-duplicated. */
    public static List<Long> candidates(RankerInputs.UserContext user, List<Quota> quotas) {
        Set<Long> out = new LinkedHashSet<>();
        for (Quota quota : quotas) {
            Set<Long> taken = quota.onlyNew() ? out : Set.of();
            for (Candidate c : quota.source().candidatesBeyond(user.userId(), quota.count(), taken)) {
                out.add(c.movieId());
            }
        }
        return List.copyOf(out);
    }

    /** The unrated movies with the most ratings in (from, T], ties by id; only movies with at least one. */
    private static CandidateSource mostRated(String name, RankerInputs.UserContext user, SignalSnapshot snapshot,
                                             long from) {
        return new ContextSource(name) {
            @Override
            public List<Candidate> candidatesBeyond(long userId, int limit, Set<Long> taken) {
                return snapshot.mostRatedBetween(from, user.time(), limit,
                                m -> !user.rated().contains(m) && !taken.contains(m)).stream()
                        .map(c -> candidate(name, c.movieId(), c.ratings(), "ratings up to your latest rating")).toList();
            }
        };
    }

    /**
     * The unrated movies with the highest positive scores (ties by catalogue index), from the scores' sort that their
     * ranks (a ranker input) already made.
     */
    private static CandidateSource top(String name, FractionalRanks scores, RankerInputs.UserContext user,
                                       Collaborative collaborative) {
        return new ContextSource(name) {
            @Override
            public List<Candidate> candidatesBeyond(long userId, int limit, Set<Long> taken) {
                List<Candidate> out = new ArrayList<>();
                // at most the rated and the taken are passed over: the best limit + those hold the answer
                int enough = limit + user.rated().size() + taken.size();
                for (int i : scores.top(enough)) {
                    if (out.size() >= limit || scores.score(i) <= 0) {
                        break;
                    }
                    long movieId = collaborative.movieId(i);
                    if (!user.rated().contains(movieId) && !taken.contains(movieId)) {
                        out.add(candidate(name, movieId, scores.score(i), name + " score from your ratings"));
                    }
                }
                return out;
            }
        };
    }

    private static Candidate candidate(String source, long movieId, double score, String sentence) {
        return new Candidate(movieId, null, null, score, source,
                () -> new Explanation(source, sentence, Map.of("score", score), List.of(), null, Map.of()));
    }

    /** A source bound to one user's context: {@link #candidates} is its list with nothing taken yet. */
    private abstract static class ContextSource implements CandidateSource {
        private final String name;

        ContextSource(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public List<Candidate> candidates(long userId, int limit) {
            return candidatesBeyond(userId, limit, Set.of());
        }

        @Override
        public abstract List<Candidate> candidatesBeyond(long userId, int limit, Set<Long> taken);
    }
}
