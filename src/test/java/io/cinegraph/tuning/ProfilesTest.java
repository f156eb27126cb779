package io.cinegraph.tuning;

import io.cinegraph.ranker.RankerConfig;
import io.cinegraph.ranker.RankerConfigs;
import io.cinegraph.ranker.TestRankerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProfilesTest {

    @TempDir
    Path models;

    @Test
    void aProfileIsWrittenReadAndAppliedOverTheBaseConfiguration() throws Exception {
        Path file = Profiles.write(models, "tuned", Map.of("ease-lambda", "120.5", "embedding-size", "32"), "test\nsecond line");
        assertThat(file).isEqualTo(models.resolve("profiles/tuned.properties"));
        assertThat(Files.readString(file)).contains("# test", "# second line", "cinegraph.ranker.ease-lambda=120.5");
        assertThat(Profiles.read(models, "tuned")).containsExactlyInAnyOrderEntriesOf(
                Map.of("ease-lambda", "120.5", "embedding-size", "32"));

        RankerConfig base = TestRankerConfig.small(models);
        RankerConfig tuned = Profiles.config(base, "tuned");
        assertThat(tuned.easeLambda()).isEqualTo(120.5);
        assertThat(tuned.embeddingSize()).isEqualTo(32);
        assertThat(tuned.hidden()).isEqualTo(base.hidden());
        assertThat(tuned.profile()).isEqualTo("tuned");
        assertThat(tuned.itemIndex().easeLambda()).as("default methods see the profile").isEqualTo(120.5);
        assertThat(RankerConfigs.values(tuned, java.util.List.of("ease-lambda", "knn-k")))
                .containsEntry("ease-lambda", "120.5").containsEntry("knn-k", "50");
    }

    @Test
    void defaultIsTheBuiltInSettingsEvenWhenAnotherProfileIsActive() throws Exception {
        Profiles.write(models, "active", Map.of("ease-lambda", "999"), "x");
        RankerConfig active = RankerConfigs.with(TestRankerConfig.small(models), Map.of("ease-lambda", "999"), "active");
        RankerConfig defaults = Profiles.config(active, Profiles.DEFAULT);
        assertThat(defaults.easeLambda()).isEqualTo(250.0);
        assertThat(defaults.profile()).isEqualTo("default");
        assertThat(defaults.knnK()).as("settings no profile names keep the base's value").isEqualTo(50);
    }

    @Test
    void badProfilesAreRefusedWithTheReason() throws Exception {
        assertThatThrownBy(() -> Profiles.read(models, "missing")).hasMessageContaining("no tuning profile")
                .hasMessageContaining("missing.properties");
        assertThatThrownBy(() -> Profiles.file(models, "../etc")).hasMessageContaining("profile name");
        Files.createDirectories(models.resolve("profiles"));
        Files.writeString(models.resolve("profiles/bad.properties"), "cinegraph.ranker.model-dir=/tmp\n");
        assertThatThrownBy(() -> Profiles.read(models, "bad")).hasMessageContaining("'cinegraph.ranker.model-dir' is not a ranker setting");
        Files.writeString(models.resolve("profiles/typo.properties"), "cinegraph.ranker.ease-lamda=3\n");
        assertThatThrownBy(() -> Profiles.read(models, "typo")).hasMessageContaining("ease-lamda");
        assertThatThrownBy(() -> RankerConfigs.with(TestRankerConfig.small(models), Map.of("hidden", "many"), "x"))
                .hasMessageContaining("'cinegraph.ranker.hidden' must be a whole number, got 'many'");
        assertThatThrownBy(() -> Profiles.write(models, "default", Map.of(), "x")).hasMessageContaining("built-in");
    }
}
