package io.cinegraph.recommend;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ExperimentTest {

    @Test
    void theSplitIsDeterministicAndCloseToTheSharesOverTenThousandUsers() {
        Experiment experiment = new Experiment("ranker-v2", 0, List.of(new Experiment.Arm("A", "v1", 70),
                new Experiment.Arm("B", "v2", 20), new Experiment.Arm("C", "fallback", 10)));
        Map<String, Integer> counts = new HashMap<>();
        for (long user = 1; user <= 10_000; user++) {
            counts.merge(experiment.arm(user).name(), 1, Integer::sum);
        }
        assertThat(counts.get("A")).isBetween(6_800, 7_200);
        assertThat(counts.get("B")).isBetween(1_850, 2_150);
        assertThat(counts.get("C")).isBetween(900, 1_100);
        for (long user = 1; user <= 100; user++) {
            assertThat(experiment.arm(user)).as("user %d", user).isEqualTo(experiment.arm(user));
        }

        Experiment other = new Experiment("another", 0, experiment.arms());
        long moved = java.util.stream.LongStream.rangeClosed(1, 10_000)
                .filter(u -> !experiment.arm(u).name().equals(other.arm(u).name())).count();
        assertThat(moved).as("another experiment's split is independent of this one's").isGreaterThan(3_000);
    }
}
