package io.cinegraph.tuning;

import io.cinegraph.ranker.RankerConfigs;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Makes the active tuning profile ({@code cinegraph.ranker.profile}) part of the configuration: its settings sit
 * above {@code application.properties} and below environment variables and {@code -D} options (ordinal
 * {@value #ORDINAL}), so everything that reads the ranker's configuration (training, the first start's and the
 * scheduled retraining, serving) sees the tuned values, and an explicit option still wins.
 */
public final class ProfileConfigSourceFactory implements ConfigSourceFactory {

    static final int ORDINAL = 270;
    /** RankerConfig's default model directory, for when none is configured. */
    private static final String DEFAULT_MODEL_DIR = "data/models";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        String name = value(context, RankerConfigs.PREFIX + "profile", Profiles.DEFAULT);
        if (Profiles.DEFAULT.equals(name)) {
            return List.of();
        }
        Path modelDir = Path.of(value(context, RankerConfigs.PREFIX + "model-dir", DEFAULT_MODEL_DIR));
        Path file = Profiles.file(modelDir, name);
        Map<String, String> properties = new TreeMap<>();
        Profiles.read(file).forEach((k, v) -> properties.put(RankerConfigs.PREFIX + k, v));
        return List.of(new PropertiesConfigSource(properties, "tuning profile " + name + " (" + file + ")", ORDINAL));
    }

    private static String value(ConfigSourceContext context, String key, String fallback) {
        ConfigValue value = context.getValue(key);
        return value == null || value.getValue() == null || value.getValue().isBlank() ? fallback : value.getValue().strip();
    }
}
