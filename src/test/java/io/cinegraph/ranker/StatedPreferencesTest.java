package io.cinegraph.ranker;

import io.cinegraph.domain.LikedGenres;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StatedPreferencesTest {

    @Test
    void likedGenresHoldHalfOfEveryEvenPrefixAndEachGroupKeepsItsOrder() {
        // upper case = in a liked genre; the network ranked three others first
        List<String> ranked = List.of("a", "b", "c", "D", "e", "F", "G", "H", "i");
        List<String> out = StatedPreferences.leadWithLikedGenres(ranked, s -> Character.isUpperCase(s.charAt(0)));
        assertThat(out).containsExactly("a", "D", "b", "F", "c", "G", "e", "H", "i");
        for (int k = 2; k <= out.size(); k += 2) {
            assertThat(out.subList(0, k).stream().filter(s -> Character.isUpperCase(s.charAt(0))).count())
                    .as("liked among the first %d", k).isGreaterThanOrEqualTo(Math.min(k / 2, 4));
        }
    }

    @Test
    void aRankingThatAlreadyLeadsWithLikedGenresIsLeftAsItIs() {
        List<String> ranked = List.of("A", "B", "c", "D", "e", "f");
        assertThat(StatedPreferences.leadWithLikedGenres(ranked, s -> Character.isUpperCase(s.charAt(0))))
                .containsExactlyElementsOf(ranked);
        assertThat(StatedPreferences.leadWithLikedGenres(List.of("x", "y"), s -> false)).containsExactly("x", "y");
    }

    @Test
    void theStatedGenresAreTheMostFrequentOnes() {
        assertThat(LikedGenres.mostFrequent(Map.of("Drama", 5, "Horror", 7, "Comedy", 5, "War", 1), 3))
                .containsExactly("Horror", "Comedy", "Drama");
    }
}
