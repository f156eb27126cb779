package io.cinegraph.signals;

import io.cinegraph.graph.SignalsRepository.CohortLevel;
import io.cinegraph.graph.SignalsRepository.Demographics;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CohortLevelsTest {

    private static final List<Demographics> USERS = List.of(
            new Demographics(1, "M", 18, "programmer"),
            new Demographics(2, "M", 18, "programmer"),
            new Demographics(3, "M", 18, "student"),
            new Demographics(4, "M", 25, "programmer"),
            new Demographics(5, "F", 18, "programmer"),
            new Demographics(6, "F", null, null),
            new Demographics(7, null, null, null));

    @Test
    void eachUserGetsTheFinestCohortWithEnoughOtherUsers() {
        CohortLevels one = new CohortLevels(USERS, 1);
        // u1: one other 18-24 male programmer (u2)
        assertThat(one.of(USERS.get(0))).isEqualTo(new CohortLevel(1, 3, 1));
        // u3: no other male student; two other 18-24 men
        assertThat(one.of(USERS.get(2))).isEqualTo(new CohortLevel(3, 2, 2));
        // u4: alone among 25-34 men; three other men
        assertThat(one.of(USERS.get(3))).isEqualTo(new CohortLevel(4, 1, 3));
        // u6 has no age band: one other woman
        assertThat(one.of(USERS.get(5))).isEqualTo(new CohortLevel(6, 1, 1));
        // u7 has no gender: everyone else
        assertThat(one.of(USERS.get(6))).isEqualTo(new CohortLevel(7, 0, 6));
    }

    @Test
    void aCohortMustHoldAtLeastTheMinimumOfOtherUsers() {
        CohortLevels three = new CohortLevels(USERS, 3);
        assertThat(three.of(USERS.get(0))).isEqualTo(new CohortLevel(1, 1, 3));
        assertThat(three.of(USERS.get(4))).isEqualTo(new CohortLevel(5, 0, 6));
        assertThat(new CohortLevels(USERS, 7).of(USERS.get(0))).isEqualTo(new CohortLevel(1, 0, 0));
    }
}
