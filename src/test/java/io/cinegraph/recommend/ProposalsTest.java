package io.cinegraph.recommend;

import io.cinegraph.domain.Candidate;
import io.cinegraph.domain.Explanation;
import io.cinegraph.graph.SignalsRepository;
import io.cinegraph.signals.CandidateSource;
import io.cinegraph.signals.SignalSnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The generators' proposals cache: filled at once (the start-up warm-up), or in the background. */
class ProposalsTest {

    private static final SignalSnapshot SNAPSHOT = SignalSnapshot.ofMovies(
            new SignalsRepository.GlobalStats(3.5, 1_000, 0, 5), Map.of());

    /** Generator calls per user. */
    private final Map<Long, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final CandidateSource source = CandidateSource.of("popular", (userId, limit) -> {
        calls.computeIfAbsent(userId, u -> new AtomicInteger()).incrementAndGet();
        return List.of(new Candidate(100 + userId, "Movie", null, 1.0,
                new Explanation("popular", "popular", Map.of(), List.of(), "q", Map.of())));
    });

    @Test
    void filledNowAUserIsCachedAndNotRunAgainUnderTheSameSnapshot() {
        try (Proposals proposals = new Proposals(List.of(source), 10, 100, Runnable::run)) {
            proposals.fillNow(3, SNAPSHOT);
            proposals.fillNow(3, SNAPSHOT);
            assertThat(calls.get(3L).get()).isEqualTo(1);
            assertThat(proposals.get(3, SNAPSHOT, false).movies()).containsExactly(103L);
            assertThat(calls.get(3L).get()).isEqualTo(1);

            SignalSnapshot next = SignalSnapshot.ofMovies(new SignalsRepository.GlobalStats(3.5, 2_000, 0, 5), Map.of());
            proposals.fillNow(3, next);
            assertThat(calls.get(3L).get()).as("a new snapshot runs them again").isEqualTo(2);
        }
    }

    @Test
    void aUserNotFilledGetsNothingAtFirstWhileTheFillerRuns() {
        try (Proposals proposals = new Proposals(List.of(source), 10, 100, Runnable::run)) {
            assertThat(proposals.get(2, SNAPSHOT, false).movies()).as("filled by the (here inline) background filler")
                    .isEmpty();
            assertThat(proposals.get(2, SNAPSHOT, false).movies()).containsExactly(102L);
            assertThat(calls.get(2L).get()).isEqualTo(1);
        }
    }
}
