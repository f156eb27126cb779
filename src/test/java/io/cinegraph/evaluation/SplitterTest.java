package io.cinegraph.evaluation;

import io.cinegraph.domain.Interaction;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SplitterTest {

    /** User 1: five ratings at times 50, 10, 30, 30, 20 (two share time 30); user 2: one rating; user 3: three. */
    private static final List<Interaction> RATINGS = List.of(
            new Interaction(1, 105, 4, 50), new Interaction(1, 101, 3, 10), new Interaction(1, 104, 5, 30),
            new Interaction(1, 103, 2, 30), new Interaction(1, 102, 1, 20),
            new Interaction(2, 201, 5, 40),
            new Interaction(3, 301, 4, 5), new Interaction(3, 302, 4, 60), new Interaction(3, 303, 3, 70));

    private static List<Long> movies(List<Interaction> interactions) {
        return new ArrayList<>(interactions.stream().map(Interaction::movieId).toList());
    }

    @Test
    void leaveLastOutHoldsOutEachUsersLatestRatingAndKeepsSingleRatingUsersInTraining() {
        Split split = Splitter.leaveLastOut().split(RATINGS);
        assertThat(movies(split.test())).containsExactly(105L, 303L);
        assertThat(movies(split.train())).containsExactly(101L, 102L, 103L, 104L, 201L, 301L, 302L);
    }

    @Test
    void lastFractionHoldsOutTheLatestCeilingShareWithTiesBrokenByMovieId() {
        // user 1: ⌈0.2·5⌉ = 1 → 105; ⌈0.5·5⌉ = 3 → 103, 104, 105 (time 30 tie: 103 before 104)
        assertThat(movies(Splitter.lastFraction(0.2).split(RATINGS).test())).containsExactly(105L, 303L);
        Split half = Splitter.lastFraction(0.5).split(RATINGS);
        assertThat(movies(half.test())).containsExactly(103L, 104L, 105L, 302L, 303L);
        assertThat(movies(half.train())).containsExactly(101L, 102L, 201L, 301L);
    }

    @Test
    void theTemporalCutHoldsOutTheLatestShareOfAllRatings() {
        // 9 ratings, ⌈0.3·9⌉ = 3 latest: times 50 (u1), 60 and 70 (u3)
        Split split = Splitter.temporal(0.3).split(RATINGS);
        assertThat(movies(split.test())).containsExactly(105L, 302L, 303L);
        assertThat(split.train()).hasSize(6);
    }

    @Test
    void noInteractionIsLostOrDuplicatedAndSplitsAreDeterministic() {
        for (Splitter s : List.of(Splitter.leaveLastOut(), Splitter.lastFraction(0.2), Splitter.temporal(0.2))) {
            Split a = s.split(RATINGS);
            List<Interaction> shuffled = new ArrayList<>(RATINGS);
            java.util.Collections.reverse(shuffled);
            Split b = s.split(shuffled);
            assertThat(a).isEqualTo(b);
            assertThat(a.train().size() + a.test().size()).isLessThanOrEqualTo(RATINGS.size());
            assertThat(a.train()).doesNotContainAnyElementsOf(a.test());
        }
    }

    @Test
    void aFractionOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> Splitter.lastFraction(1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Splitter.temporal(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
