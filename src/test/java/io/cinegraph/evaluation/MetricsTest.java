package io.cinegraph.evaluation;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MetricsTest {

    private static final double EPS = 1e-9;
    private static final List<Long> RANKED = List.of(10L, 20L, 30L, 40L, 50L);

    @Test
    void theWorkedDcgExampleOfTheLiteratureHolds() {
        // relevances 3, 2, 3, 0, 1, 2 → DCG6 = 6.861; ideal 3, 3, 3, 2, 2, 2 → IDCG6 = 8.740; nDCG6 = 0.785
        double dcg = Metrics.dcg(new double[]{3, 2, 3, 0, 1, 2});
        double ideal = Metrics.dcg(new double[]{3, 3, 3, 2, 2, 2});
        assertThat(dcg).isCloseTo(6.861, within(1e-3));
        assertThat(ideal).isCloseTo(8.740, within(1e-3));
        assertThat(dcg / ideal).isCloseTo(0.785, within(1e-3));
    }

    @Test
    void aPerfectRankingScoresOneEverywhere() {
        Set<Long> relevant = Set.of(10L, 20L);
        assertThat(Metrics.ndcg(RANKED, relevant, 5)).isCloseTo(1, within(EPS));
        assertThat(Metrics.recall(RANKED, relevant, 5)).isEqualTo(1);
        assertThat(Metrics.averagePrecision(RANKED, relevant, 5)).isCloseTo(1, within(EPS));
        assertThat(Metrics.reciprocalRank(RANKED, relevant)).isEqualTo(1);
        assertThat(Metrics.hitRate(RANKED, relevant, 1)).isEqualTo(1);
        assertThat(Metrics.precision(RANKED, relevant, 2)).isEqualTo(1);
    }

    @Test
    void noHitScoresZeroEverywhere() {
        Set<Long> relevant = Set.of(99L);
        assertThat(Metrics.ndcg(RANKED, relevant, 5)).isZero();
        assertThat(Metrics.recall(RANKED, relevant, 5)).isZero();
        assertThat(Metrics.averagePrecision(RANKED, relevant, 5)).isZero();
        assertThat(Metrics.reciprocalRank(RANKED, relevant)).isZero();
        assertThat(Metrics.hitRate(RANKED, relevant, 5)).isZero();
        assertThat(Metrics.precision(RANKED, relevant, 5)).isZero();
    }

    @Test
    void valuesComputedByHandForOneMixedList() {
        Set<Long> relevant = Set.of(20L, 50L, 77L);
        // hits in places 2 and 5
        assertThat(Metrics.precision(RANKED, relevant, 5)).isCloseTo(2.0 / 5, within(EPS));
        assertThat(Metrics.recall(RANKED, relevant, 5)).isCloseTo(2.0 / 3, within(EPS));
        assertThat(Metrics.recall(RANKED, relevant, 2)).isCloseTo(1.0 / 2, within(EPS));
        double dcg = 1 / (Math.log(3) / Math.log(2)) + 1 / (Math.log(6) / Math.log(2));
        double idcg = 1 + 1 / (Math.log(3) / Math.log(2)) + 1 / (Math.log(4) / Math.log(2));
        assertThat(Metrics.ndcg(RANKED, relevant, 5)).isCloseTo(dcg / idcg, within(EPS));
        assertThat(Metrics.averagePrecision(RANKED, relevant, 5)).isCloseTo((1.0 / 2 + 2.0 / 5) / 3, within(EPS));
        assertThat(Metrics.reciprocalRank(RANKED, relevant)).isCloseTo(0.5, within(EPS));
    }

    @Test
    void aSampledPositiveRanksBehindHigherScoresAndHalfTheTies() {
        assertThat(Metrics.sampledRank(0.5, new double[]{0.9, 0.1, 0.5, 0.5, 0.5})).isEqualTo(1 + 1);
        assertThat(Metrics.sampledRank(1.0, new double[]{0.9, 0.1})).isZero();
        assertThat(Metrics.sampledRank(0.0, new double[]{0.0})).isZero();
    }

    @Test
    void ratingErrorsAreTheTextbookOnes() {
        double[] predicted = {3, 4, 5};
        double[] actual = {2, 4, 3};
        assertThat(Metrics.rmse(predicted, actual)).isCloseTo(Math.sqrt(5.0 / 3), within(EPS));
        assertThat(Metrics.mae(predicted, actual)).isCloseTo(1, within(EPS));
        assertThatThrownBy(() -> Metrics.rmse(new double[0], new double[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void coverageCountsDistinctItemsInTheTopK() {
        assertThat(Metrics.coverage(List.of(List.of(1L, 2L, 3L), List.of(2L, 4L)), 2, 10)).isCloseTo(0.3, within(EPS));
    }

    @Test
    void pairedDifferenceHasTheMeanAndANormalConfidenceInterval() {
        // differences 0.1, 0.3, 0.2, 0.2: mean 0.2, sample sd sqrt(0.02/3), half width 1.96 * sd / 2
        Metrics.PairedDifference d = Metrics.pairedDifference(new double[]{0.6, 0.8, 0.5, 0.4}, new double[]{0.5, 0.5, 0.3, 0.2});
        double half = 1.96 * Math.sqrt(0.02 / 3) / 2;
        assertThat(d.mean()).isCloseTo(0.2, within(EPS));
        assertThat(d.low()).isCloseTo(0.2 - half, within(EPS));
        assertThat(d.high()).isCloseTo(0.2 + half, within(EPS));
        assertThat(d.significant()).isTrue();
        assertThat(Metrics.pairedDifference(new double[]{0.5, 0.1}, new double[]{0.1, 0.5}).significant()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Metrics.pairedDifference(new double[]{1}, new double[]{1, 2}))
                .hasMessageContaining("same users");
    }
}
