package io.cinegraph.support;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class BudgetedWorkTest {

    @Test
    void everyItemIsDoneOnceWithinTheBudgetAndAFailureDoesNotStopTheOthers() {
        Set<Integer> done = ConcurrentHashMap.newKeySet();
        List<Integer> items = IntStream.range(0, 100).boxed().toList();
        int reached = BudgetedWork.forEach("test", " items", items, Duration.ofMinutes(1), 3, i -> {
            if (i == 7) {
                throw new IllegalStateException("item 7 fails");
            }
            assertThat(done.add(i)).isTrue();
        });
        assertThat(reached).isEqualTo(100);
        assertThat(done).hasSize(99).doesNotContain(7);
    }

    @Test
    void nothingIsStartedOnceTheBudgetIsSpent() {
        Set<Integer> done = ConcurrentHashMap.newKeySet();
        int reached = BudgetedWork.forEach("test", " items", List.of(1, 2, 3), Duration.ZERO, 2, done::add);
        assertThat(reached).isZero();
        assertThat(done).isEmpty();
    }

    @Test
    void workStopsAtTheBudgetAndSaysHowFarItGot() {
        Set<Integer> done = ConcurrentHashMap.newKeySet();
        List<Integer> items = IntStream.range(0, 1_000).boxed().toList();
        int reached = BudgetedWork.forEach("test", " items", items, Duration.ofMillis(200), 1, i -> {
            done.add(i);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(reached).isEqualTo(done.size()).isLessThan(1_000);
    }
}
