package io.cinegraph.events;

import io.cinegraph.evaluation.Metrics;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

/** The replay's random-order floor equals the average over every order of the answer, enumerated. */
class RandomOrderTest {

    @Test
    void theExpectedNdcgAndReciprocalRankOfARandomOrderMatchEveryPermutationAveraged() {
        for (int n = 1; n <= 6; n++) {
            for (int p = 1; p <= n; p++) {
                List<Long> items = LongStream.range(0, n).boxed().toList();
                Set<Long> relevant = LongStream.range(0, p).boxed().collect(Collectors.toSet());
                List<List<Long>> orders = permutations(items);
                double ndcg = orders.stream().mapToDouble(o -> Metrics.ndcg(o, relevant, o.size())).average().orElseThrow();
                double rr = orders.stream().mapToDouble(o -> Metrics.reciprocalRank(o, relevant)).average().orElseThrow();
                assertThat(RandomOrder.ndcg(n, p)).as("NDCG n=%d p=%d", n, p).isCloseTo(ndcg, offset(1e-12));
                assertThat(RandomOrder.reciprocalRank(n, p)).as("MRR n=%d p=%d", n, p).isCloseTo(rr, offset(1e-12));
            }
        }
        assertThat(RandomOrder.ndcg(5, 0)).isZero();
    }

    private static List<List<Long>> permutations(List<Long> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<Long>> out = new ArrayList<>();
        for (Long first : items) {
            List<Long> rest = new ArrayList<>(items);
            rest.remove(first);
            for (List<Long> tail : permutations(rest)) {
                List<Long> order = new ArrayList<>();
                order.add(first);
                order.addAll(tail);
                out.add(order);
            }
        }
        return out;
    }
}
