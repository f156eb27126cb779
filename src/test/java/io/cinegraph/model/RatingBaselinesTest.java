package io.cinegraph.model;


import io.cinegraph.domain.Interaction;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RatingBaselinesTest {

    private static final List<Interaction> TRAIN = List.of(
            new Interaction(1, 10, 5, 1), new Interaction(1, 20, 3, 2), new Interaction(2, 10, 4, 3));

    @Test
    void oneAlsEpochMatchesTheFormulaComputedByHand() {
        // μ = 4; b_i (b_u = 0): item 10 = (1 + 0)/(1 + 2) = 1/3, item 20 = (−1)/(1 + 1) = −1/2
        // b_u: user 1 = ((5 − 4 − 1/3) + (3 − 4 + 1/2)) / (2 + 2) = (2/3 − 1/2)/4 = 1/24; user 2 = (4 − 4 − 1/3)/(2 + 1) = −1/9
        RatingBaselines model = RatingBaselines.fit(TRAIN, 1, 1, 2);
        assertThat(model.globalMean()).isEqualTo(4);
        assertThat(model.predict(1, 10)).isCloseTo(4 + 1.0 / 24 + 1.0 / 3, within(1e-12));
        assertThat(model.predict(2, 20)).isCloseTo(4 - 1.0 / 9 - 1.0 / 2, within(1e-12));
        assertThat(model.predict(99, 99)).isEqualTo(4);
    }
}
