package io.cinegraph.evaluation;



import io.cinegraph.domain.Interaction;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The evaluation loop on planted data whose outcome is known in advance. */
class EvaluatorTest {

    /**
     * Two clusters that never mix: items 1–4 and items 10–13. Each user rates all four items of one cluster;
     * whichever item a user rates last (the held-out one) was rated by other users of the cluster in training,
     * so it co-occurs with the user's training items, while every other unrated item co-occurs with none.
     */
    private static List<Interaction> planted() {
        List<Interaction> all = new ArrayList<>();
        long[][] orders = {{1, 2, 3, 4}, {4, 1, 2, 3}, {10, 11, 12, 13}, {13, 10, 11, 12}};
        long user = 1;
        for (long[] order : orders) {
            for (int copy = 0; copy < 3; copy++, user++) {
                for (int t = 0; t < order.length; t++) {
                    all.add(new Interaction(user, order[t], 5, user * 100 + t));
                }
            }
        }
        return all;
    }

    @Test
    void easeAndItemKnnFindTheHeldOutClusterItemAndMostPopularDoesToo() {
        List<Interaction> all = planted();
        Split split = Splitter.leaveLastOut().split(all);
        List<Evaluator.ModelResult> results = new Evaluator(2, 0, 1).run(all, split,
                List.of(new MostPopular(), ItemItemRecommender.itemKnnCosine(10), ItemItemRecommender.ease(1)));

        Evaluator.ModelResult ease = results.get(2);
        Evaluator.ModelResult knn = results.get(1);
        // the held-out item is the only unrated item that co-occurs with the user's training items
        assertThat(ease.full().get("hr@2")).isCloseTo(1.0, within(1e-9));
        assertThat(knn.full().get("hr@2")).isCloseTo(1.0, within(1e-9));
        assertThat(ease.full().get("mrr")).isCloseTo(1.0, within(1e-9));
        assertThat(results.get(0).name()).isEqualTo("most-popular");
        assertThat(results).allSatisfy(r -> assertThat(r.full()).containsKeys("ndcg@2", "recall@20", "coverage@2",
                "popularity@2", "map@2", "precision@2"));
    }

    @Test
    void sampledRankingIsReportedForLeaveLastOutOnlyAndIsReproducibleWithTheSeed() {
        List<Interaction> all = planted();
        Evaluator evaluator = new Evaluator(2, 3, 7);
        var first = evaluator.run(all, Splitter.leaveLastOut().split(all), List.of(new MostPopular()));
        var again = evaluator.run(all, Splitter.leaveLastOut().split(all), List.of(new MostPopular()));
        assertThat(first.get(0).sampled()).containsKeys("hr@2", "ndcg@2").isEqualTo(again.get(0).sampled());
        assertThat(evaluator.run(all, Splitter.lastFraction(0.25).split(all), List.of(new MostPopular())).get(0).sampled())
                .isEmpty();
    }
}
