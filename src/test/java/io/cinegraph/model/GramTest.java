package io.cinegraph.model;



import io.cinegraph.domain.Interaction;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class GramTest {

    @Test
    void theGramMatrixCountsCoOccurrences() {
        List<Interaction> train = List.of(new Interaction(1, 10, 5, 1), new Interaction(1, 20, 5, 2),
                new Interaction(2, 20, 5, 3), new Interaction(2, 30, 5, 4), new Interaction(3, 20, 5, 5));
        double[][] g = Gram.of(new TrainingData(train, train));
        assertThat(g).isEqualTo(new double[][]{{1, 1, 0}, {1, 3, 1}, {0, 1, 1}});
    }

    @Test
    void theCholeskyInverseTimesTheMatrixIsTheIdentity() {
        double[][] a = Gram.knownSystem();
        int n = a.length;
        // whichever path this processor gets, and the pure-Java one every processor can fall back to
        for (double[][] inv : List.of(Gram.invertSpd(copy(a)), Gram.ejmlInverse(copy(a)))) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int k = 0; k < n; k++) {
                        s += a[i][k] * inv[k][j];
                    }
                    assertThat(s).isCloseTo(i == j ? 1 : 0, within(1e-9));
                }
            }
            assertThat(Gram.inverts(a, inv, n)).isTrue();
        }
        double[][] wrong = Gram.ejmlInverse(copy(a));
        wrong[n / 2][0] += 1e-3;
        wrong[0][n / 2] += 1e-3;
        assertThat(Gram.inverts(a, wrong, 8)).as("a wrong inverse fails the column check").isFalse();
        // the 2 × 2 case by hand: [[4, 2], [2, 3]]⁻¹ = [[3, −2], [−2, 4]] / 8
        double[][] small = Gram.invertSpd(new double[][]{{4, 2}, {2, 3}});
        assertThat(small[0][0]).isCloseTo(3.0 / 8, within(1e-12));
        assertThat(small[0][1]).isCloseTo(-2.0 / 8, within(1e-12));
        assertThat(small[1][0]).isCloseTo(-2.0 / 8, within(1e-12));
        assertThat(small[1][1]).isCloseTo(4.0 / 8, within(1e-12));
        assertThatThrownBy(() -> Gram.ejmlInverse(new double[][]{{0}})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Gram.invertSpd(new double[][]{{0}})).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not positive definite");
    }

    private static double[][] copy(double[][] a) {
        double[][] copy = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            copy[i] = a[i].clone();
        }
        return copy;
    }

    @Test
    void aModelWhoseMatricesCannotFitSaysSoBeforeAllocating() {
        int tooMany = (int) Math.min(Integer.MAX_VALUE, Math.sqrt(Runtime.getRuntime().maxMemory() / 8.0) + 1);
        assertThatThrownBy(() -> Gram.requireHeap(tooMany, 3, "EASE")).isInstanceOf(HeapTooSmallException.class)
                .hasMessageContaining("EASE over").hasMessageContaining("-Xmx").hasMessageContaining("--models");
        assertThatCode(() -> Gram.requireHeap(100, 3, "EASE")).doesNotThrowAnyException();
    }
}
