package io.cinegraph.events;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ExperimentComparisonTest {

    private static OnlineFigures.Variant arm(String name, long impressions, long clicks) {
        return new OnlineFigures.Variant("m-" + name, name, impressions, clicks, 0, 0,
                (double) clicks / impressions, 0.0, 0.0, null, 0.1);
    }

    @Test
    void theClickThroughDifferenceHasItsNormalIntervalAndAPlainVerdict() {
        // B 50/200 against A 20/200: d = 0.15, se = sqrt(.25 * .75 / 200 + .1 * .9 / 200) = 0.0372492
        ExperimentService.Comparison ahead = ExperimentService.compare(List.of(arm("A", 200, 20), arm("B", 200, 50))).get(0);
        assertThat(ahead.clickThroughDifference()).isCloseTo(0.15, within(1e-12));
        assertThat(ahead.low()).isCloseTo(0.15 - 1.959964 * 0.0372492, within(1e-6));
        assertThat(ahead.high()).isCloseTo(0.15 + 1.959964 * 0.0372492, within(1e-6));
        assertThat(ahead.verdict()).isEqualTo("B ahead of A on click-through (25.0 % vs 10.0 %), 95 % CI excludes 0");

        ExperimentService.Comparison close = ExperimentService.compare(List.of(arm("A", 100, 10), arm("B", 100, 12))).get(0);
        assertThat(close.low()).isNegative();
        assertThat(close.verdict()).startsWith("not yet significant: B 12.0 % vs A 10.0 %");

        ExperimentService.Comparison behind = ExperimentService.compare(List.of(arm("A", 400, 120), arm("B", 400, 40))).get(0);
        assertThat(behind.verdict()).startsWith("A ahead of B");

        ExperimentService.Comparison empty = ExperimentService.compare(List.of(arm("A", 100, 10),
                new OnlineFigures.Variant("m", "B", 0, 0, 0, 0, null, null, null, null, 0.0))).get(0);
        assertThat(empty.verdict()).isEqualTo("not yet measurable: B has no impressions");
    }
}
