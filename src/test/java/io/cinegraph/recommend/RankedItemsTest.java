package io.cinegraph.recommend;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The cache's compact copy of a ranking reads back exactly what the ranker returned, in its order. */
class RankedItemsTest {

    @Test
    void readsBackEveryItemInOrderWithItsSourcesAndExplainingSource() {
        List<String> knn = List.of("user-knn");
        List<String> both = List.of("user-knn", "popular");
        List<Ranker.Item> ranked = List.of(
                new Ranker.Item(30, 0.9, both, "user-knn"),
                new Ranker.Item(10, 0.75, knn, "user-knn"),
                new Ranker.Item(20, 0.5, List.of("ranker"), null),
                new Ranker.Item(40, -1.25, both, "popular"),
                new Ranker.Item(50, 0.1, new ArrayList<>(both), "user-knn"));

        RankedItems copy = RankedItems.of(ranked);

        assertThat(copy).containsExactlyElementsOf(ranked);
        assertThat(copy).hasSize(5);
        assertThat(copy.get(3).explainedBy()).isEqualTo("popular");
        assertThat(copy.get(2).explainedBy()).isNull();
        assertThat(copy.get(4).sources()).as("equal source lists are kept once").isSameAs(copy.get(0).sources());
        assertThat(RankedItems.of(copy)).as("already compact").isSameAs(copy);
    }

    @Test
    void anEmptyRankingStaysEmpty() {
        assertThat(RankedItems.of(List.of())).isEmpty();
    }

    @Test
    void theCopyDoesNotFollowLaterChangesToTheRankersList() {
        List<Ranker.Item> ranked = new ArrayList<>(List.of(new Ranker.Item(1, 1.0, List.of("genre"), "genre")));
        RankedItems copy = RankedItems.of(ranked);
        ranked.add(new Ranker.Item(2, 0.5, List.of("genre"), "genre"));
        ranked.set(0, new Ranker.Item(3, 0.2, List.of("genre"), "genre"));
        assertThat(copy).extracting(Ranker.Item::movieId).containsExactly(1L);
    }
}
