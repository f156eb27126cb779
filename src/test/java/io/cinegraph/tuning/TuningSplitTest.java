package io.cinegraph.tuning;

import io.cinegraph.domain.Interaction;
import io.cinegraph.evaluation.Splitter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TuningSplitTest {

    /** Three users with 10, 5 and 2 ratings on distinct days; user 2's ratings arrive out of order. */
    private static List<Interaction> fixture() {
        List<Interaction> all = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            all.add(new Interaction(1, 100 + i, 4, 1_000_000L + i * 86_400L));
        }
        long[] days = {5, 1, 4, 2, 3};
        for (int i = 0; i < 5; i++) {
            all.add(new Interaction(2, 200 + i, 3, 2_000_000L + days[i] * 86_400L));
        }
        all.add(new Interaction(3, 300, 5, 3_000_000L));
        all.add(new Interaction(3, 301, 2, 3_086_400L));
        return all;
    }

    private static Set<String> keys(List<Interaction> ratings) {
        Set<String> keys = new HashSet<>();
        ratings.forEach(i -> keys.add(i.userId() + ":" + i.movieId()));
        return keys;
    }

    @Test
    void theValidationPartNeverHoldsATestRatingAndIsEachUsersLatestTrainingRatings() {
        List<Interaction> all = fixture();
        TuningSplit split = TuningSplit.of(all, 0.2, 0.2);

        assertThat(split.test()).as("the test part is evaluate's own").isEqualTo(Splitter.lastFraction(0.2).split(all).test());
        Set<String> test = keys(split.test());
        assertThat(keys(split.validation())).doesNotContainAnyElementsOf(test);
        assertThat(keys(split.train())).doesNotContainAnyElementsOf(test).doesNotContainAnyElementsOf(keys(split.validation()));
        assertThat(split.train().size() + split.validation().size() + split.test().size()).isEqualTo(all.size());
        // user 1: ratings 8, 9 are test; of 0-7, rating 7 (and 6: ceil(0.2 * 8) = 2) are validation
        assertThat(keys(split.test())).contains("1:108", "1:109");
        assertThat(keys(split.validation())).contains("1:106", "1:107").doesNotContain("1:105");
        // user 2, by time: 201 (day 1), 203, 204, 202, 200 (day 5): 200 is test, 202 validation
        assertThat(keys(split.test())).contains("2:200");
        assertThat(keys(split.validation())).contains("2:202");
        for (Interaction v : split.validation()) {
            split.train().stream().filter(t -> t.userId() == v.userId())
                    .forEach(t -> assertThat(t.timestamp()).isLessThanOrEqualTo(v.timestamp()));
            split.test().stream().filter(t -> t.userId() == v.userId())
                    .forEach(t -> assertThat(t.timestamp()).isGreaterThanOrEqualTo(v.timestamp()));
        }
        assertThat(split.visible()).hasSize(all.size() - split.test().size());

        // the confirmation split: the trial-training part cut again, holding no validation and no test rating
        io.cinegraph.evaluation.Split confirmation = split.confirmation(0.2);
        Set<String> seen = keys(confirmation.train());
        seen.addAll(keys(confirmation.test()));
        assertThat(seen).isEqualTo(keys(split.train())).doesNotContainAnyElementsOf(test)
                .doesNotContainAnyElementsOf(keys(split.validation()));
        // user 1: of 0-5, ratings 4 and 5 (ceil(0.2 * 6) = 2) are scored
        assertThat(keys(confirmation.test())).contains("1:104", "1:105").doesNotContain("1:103");
    }
}
