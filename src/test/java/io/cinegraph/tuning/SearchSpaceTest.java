package io.cinegraph.tuning;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The built-in search space as documented in docs/tuning.md, and a user's own space file, good and bad. */
class SearchSpaceTest {

    @TempDir
    Path tmp;

    @Test
    void theBuiltInSpaceIsTheDocumentedOne() {
        assertThat(SearchSpace.ranker().ranges()).containsExactly(
                "embedding-size [8, 16, 32, 64]",
                "hidden [32, 64, 128, 256]",
                "learning-rate [0.0002, 0.01] log",
                "l2 [1e-06, 0.001] log",
                "batch-size [256, 512, 1024, 2048]",
                "max-epochs [3, 14] int",
                "patience [1, 4] int",
                "target-fraction [0.1, 0.4]",
                "random-negatives [50, 1000] log int",
                "candidates-by-ease [50, 500] log int",
                "candidates-by-cosine [20, 300] log int",
                "candidates-by-popularity [20, 300] log int",
                "candidates-by-session [10, 200] log int",
                "candidates-by-recent-popularity [10, 200] log int",
                "ease-lambda [20, 3000] log",
                "knn-k [20, 500] log int",
                "session-gap-seconds [10, 7200] log int",
                "sign-up-weight [1, 10] log");
        assertThat(SearchSpace.ranker().parameters().get(0).integer()).isTrue();
    }

    @Test
    void aSpaceFileNarrowsTheSearchToItsSettingsAndRanges() throws Exception {
        Path file = tmp.resolve("space.json");
        Files.writeString(file, """
                [
                  {"key": "ease-lambda", "low": 100, "high": 800, "log": true},
                  {"key": "hidden", "choices": [64, 128]},
                  {"key": "target-fraction", "low": 0.2, "high": 0.3}
                ]
                """);
        SearchSpace space = SearchSpace.read(file);
        assertThat(space.keys()).containsExactly("ease-lambda", "hidden", "target-fraction");
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            Map<String, String> point = space.draw(random);
            assertThat(Double.parseDouble(point.get("ease-lambda"))).isBetween(100.0, 800.0);
            assertThat(point.get("hidden")).isIn("64", "128");
            assertThat(Double.parseDouble(point.get("target-fraction"))).isBetween(0.2, 0.3);
        }
    }

    @Test
    void aBadSpaceFileIsRefusedWithThePlaceAndTheReason() throws Exception {
        assertRefused("[{\"key\": \"ease-lambda\", \"low\": 100, \"high\": 800},\n {\"key\": \"no-such-setting\", \"low\": 1, \"high\": 2}]",
                "'no-such-setting' is not a ranker setting; known: ", "ease-lambda");
        assertRefused("[{\"key\": \"l2\", \"low\": 1e-6, \"high\": 1e-3},\n {\"key\": \"l2\", \"low\": 1e-5, \"high\": 1e-3}]",
                "'l2' is listed twice");
        assertRefused("[\n  {\"key\": \"l2\", \"low\": 1e-3, \"high\": 1e-6}\n]",
                "line 2", "l2: the low bound must lie below the high one");
        assertRefused("[\n  {\"key\": \"l2\", \"low\": 0, \"high\": 1e-3, \"log\": true}\n]", "l2: a log-scale range must be positive");
        assertRefused("[\n  {\"key\": \"hidden\", \"choices\": [64, 64]}\n]", "hidden: a choice is listed twice");
        assertRefused("[\n  {\"key\": \"l2\", \"low\": 1e-6, \"hihg\": 1e-3}\n]", "parameter 1 (l2) has an unknown field 'hihg'");
        assertRefused("{\"key\": \"l2\"}", "a JSON array of parameters");
        assertRefused("[\n  {\"key\": \"l2\", \"low\": 1e-6, \"high\": 1e-3,\n]", "line 3");
        assertRefused("[]", "at least one parameter");
        assertThatThrownBy(() -> SearchSpace.read(tmp.resolve("absent.json")))
                .hasMessageContaining("No search space file").hasMessageContaining("absent.json");
    }

    private void assertRefused(String json, String... parts) throws Exception {
        Path file = Files.writeString(tmp.resolve("bad.json"), json);
        assertThatThrownBy(() -> SearchSpace.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file.toString())
                .satisfies(e -> assertThat(List.of(parts)).allSatisfy(p -> assertThat(e.getMessage()).contains(p)));
    }
}
