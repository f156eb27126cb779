package io.cinegraph.recommend;

import io.cinegraph.domain.Candidate;
import io.cinegraph.domain.Explanation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A user's proposals as ranking reads them: order, proposers, the candidate that explains each movie. */
class ProposedTest {

    private static final Proposed.Generators GENERATORS = new Proposed.Generators(List.of("user-knn", "genre", "popular"));

    /** user-knn: 30, 10, 20; genre: nothing; popular: 20, 40, 30 (scores: 1 / rank). */
    private final Proposed proposed = new Proposed(GENERATORS, List.of(list("user-knn", 30, 10, 20), List.of(),
            list("popular", 20, 40, 30)));

    @Test
    void moviesComeInTheOrderFirstProposedOnceEach() {
        assertThat(proposed.movies()).containsExactly(30L, 10L, 20L, 40L);
        assertThat(Proposed.NONE.movies()).isEmpty();
        assertThat(Proposed.NONE.isEmpty()).isTrue();
        assertThat(proposed.isEmpty()).isFalse();
    }

    @Test
    void eachMovieKnowsEveryGeneratorThatProposedItInTheGeneratorsOrder() {
        assertThat(proposed.sources(20)).containsExactly("user-knn", "popular");
        assertThat(proposed.sources(40)).containsExactly("popular");
        assertThat(proposed.sources(10)).containsExactly("user-knn");
        assertThat(proposed.sources(99)).isEmpty();
        assertThat(proposed.sources(30)).as("one list per set of generators, shared")
                .isSameAs(new Proposed(GENERATORS, List.of(list("user-knn", 7), List.of(), list("popular", 7))).sources(7));
    }

    @Test
    void theFirstCandidateIsTheFirstProposersAndEachGeneratorsOwnCanBeAskedFor() {
        assertThat(proposed.first(20).source()).isEqualTo("user-knn");
        assertThat(proposed.first(20).score()).isEqualTo(1.0 / 3);
        assertThat(proposed.first(20).explanation().sentence()).isEqualTo("user-knn proposes 20");
        assertThat(proposed.of(20, "popular").score()).isEqualTo(1.0);
        assertThat(proposed.of(20, "popular").explanation().sentence()).isEqualTo("popular proposes 20");
        assertThat(proposed.of(40, "user-knn")).isNull();
        assertThat(proposed.of(20, "cohort")).isNull();
        assertThat(proposed.first(99)).isNull();
        assertThat(proposed.by("popular")).extracting(Candidate::movieId).containsExactly(20L, 40L, 30L);
        assertThat(proposed.by("genre")).isEmpty();
        assertThat(proposed.by("cohort")).isEmpty();
    }

    @Test
    void thePopularOnlyBaselineServesThePopularGeneratorsOwnOrder() {
        Ranker.Request request = new Ranker.Request(1, new io.cinegraph.domain.UserSide(0, null, null, 0, null, null,
                null, List.of(), Map.of(), List.of()), proposed, null);
        PopularityFallback popular = PopularityFallback.popularOnly();
        assertThat(popular.rank(request)).extracting(Ranker.Item::movieId).containsExactly(20L, 40L, 30L);
        assertThat(popular.explain(request, 30).sentence()).isEqualTo("popular proposes 30");
        assertThat(new PopularityFallback().rank(request)).extracting(Ranker.Item::movieId)
                .containsExactly(30L, 10L, 20L, 40L);
    }

    private static List<Candidate> list(String name, long... movieIds) {
        return LongStream.range(0, movieIds.length).mapToObj(i -> new Candidate(movieIds[(int) i], "Movie", null,
                1.0 / (i + 1), new Explanation(name, name + " proposes " + movieIds[(int) i], Map.of(), List.of(), "q",
                Map.of()))).toList();
    }
}
