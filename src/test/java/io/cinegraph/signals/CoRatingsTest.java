package io.cinegraph.signals;

import io.cinegraph.graph.SignalsRepository.Scored;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The in-memory neighbours and similarities on ratings small enough to compute by hand, degree cap included. */
class CoRatingsTest {

    // every user's mean is 3: user 1 rates movie 1 at +2 and movie 2 at −2, user 2 at +1/−1, user 3 at −1/+1.
    // Latest raters first: movie 1 → 3 (t 20), 2 (t 10), 1 (t 1); movie 2 → 2 (t 11), 3 (t 3), 1 (t 2).
    private static final CoRatings RATINGS = CoRatings.of(
            new long[]{1, 1, 2, 2, 3, 3},
            new long[]{1, 2, 1, 2, 1, 2},
            new double[]{5, 1, 4, 2, 2, 4},
            new long[]{1, 2, 10, 11, 20, 3});

    @Test
    void neighboursOverEveryCoRatedMovieWhenTheCapIsAboveEveryDegree() {
        // user 2: Σ du·dv = 2·1 + (−2)(−1) = 4, Σ du² = 8, Σ dv² = 2 → sim 1, overlap 2; user 3: sim −1, left out
        List<Scored> n = RATINGS.userNeighbours(List.of(1L), 10, 1, 0, 3).get(0).scored();
        assertThat(n).extracting(Scored::id).containsExactly(2L);
        assertThat(n.get(0).score()).isCloseTo(1, within(1e-12));
        assertThat(n.get(0).overlap()).isEqualTo(2);
        // shrinkage: sim · overlap / (overlap + λ)
        assertThat(RATINGS.userNeighbours(List.of(1L), 10, 1, 2, 3).get(0).scored().get(0).score())
                .isCloseTo(0.5, within(1e-12));
    }

    @Test
    void theCapKeepsEachMoviesLatestRaters() {
        // cap 1: movie 1 contributes user 3 only (sim −1), movie 2 user 2 only (sim 1, overlap 1)
        List<Scored> n = RATINGS.userNeighbours(List.of(1L), 10, 1, 0, 1).get(0).scored();
        assertThat(n).extracting(Scored::id).containsExactly(2L);
        assertThat(n.get(0).overlap()).isEqualTo(1);
        // the overlap minimum applies after the cap
        assertThat(RATINGS.userNeighbours(List.of(1L), 10, 2, 0, 1).get(0).scored()).isEmpty();
    }

    @Test
    void itemSimilarityUsesTheRatersDeviationsFromTheirOwnMean() {
        // movies 1 and 2 over users 1, 2, 3: Σ di·dj = 2(−2) + 1(−1) + (−1)(1) = −6 → sim −1: not similar
        assertThat(RATINGS.itemSimilarity(List.of(1L, 2L), 10, 1, 0, 10)).allSatisfy(r -> assertThat(r.scored()).isEmpty());
        // an unknown id gets an empty list
        assertThat(RATINGS.userNeighbours(List.of(99L), 10, 1, 0, 10).get(0).scored()).isEmpty();
    }
}
