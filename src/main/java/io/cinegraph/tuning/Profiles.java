package io.cinegraph.tuning;

import io.cinegraph.ranker.RankerConfig;
import io.cinegraph.ranker.RankerConfigs;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Named sets of ranker settings: {@code <model-dir>/profiles/NAME.properties}, holding {@code cinegraph.ranker.*}
 * keys only (what {@code tune} found best, or written by hand). "default" is the built-in defaults and has no file.
 */
public final class Profiles {

    public static final String DEFAULT = "default";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private Profiles() {
    }

    /** Where profile {@code name} lives; a name is letters, digits, '_', '.', '-'. */
    public static Path file(Path modelDir, String name) {
        if (!NAME.matcher(name).matches() || name.contains("..")) {
            throw new IllegalArgumentException("a profile name is 1-64 letters, digits, '_', '.' or '-' (got '" + name + "')");
        }
        return modelDir.resolve("profiles").resolve(name + ".properties");
    }

    /** The settings of profile {@code name} (short names), none for "default". */
    public static Map<String, String> read(Path modelDir, String name) {
        return DEFAULT.equals(name) ? Map.of() : read(file(modelDir, name));
    }

    /** The settings in a profile file, by short name; a key that is not a ranker setting is refused with its name. */
    public static Map<String, String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no tuning profile " + file + " (run 'tune' to write one, or choose an "
                    + "existing profile; 'default' is the built-in settings)");
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the tuning profile " + file, e);
        }
        List<String> known = RankerConfigs.settingNames();
        Map<String, String> settings = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            String shortKey = key.startsWith(RankerConfigs.PREFIX) ? key.substring(RankerConfigs.PREFIX.length()) : null;
            if (shortKey == null || !known.contains(shortKey)) {
                throw new IllegalArgumentException(file + ": '" + key + "' is not a ranker setting a profile can hold "
                        + "(keys are " + RankerConfigs.PREFIX + "NAME, NAME one of " + String.join(", ", known) + ")");
            }
            settings.put(shortKey, properties.getProperty(key).strip());
        }
        return settings;
    }

    /**
     * The configuration of profile {@code name}: {@code active} (the application's, with its own active profile in
     * it) with that profile's settings put back to their built-in values, then {@code name}'s applied. So
     * "default" is the built-in settings whatever profile is active; options given on the command line for
     * settings that no profile names still apply.
     */
    public static RankerConfig config(RankerConfig active, String name) {
        Map<String, String> settings = new TreeMap<>();
        if (!DEFAULT.equals(active.profile())) {
            Map<String, String> builtIn = RankerConfigs.builtInDefaults();
            read(Path.of(active.modelDir()), active.profile()).keySet().forEach(k -> settings.put(k, builtIn.get(k)));
        }
        settings.putAll(read(Path.of(active.modelDir()), name));
        return RankerConfigs.with(active, settings, name);
    }

    /** Writes profile {@code name} with {@code settings} (short names) and a comment on where they came from. */
    public static Path write(Path modelDir, String name, Map<String, String> settings, String comment) throws IOException {
        if (DEFAULT.equals(name)) {
            throw new IllegalArgumentException("'default' names the built-in settings; choose another profile name");
        }
        Path file = file(modelDir, name);
        Files.createDirectories(file.getParent());
        StringBuilder text = new StringBuilder();
        comment.lines().forEach(line -> text.append("# ").append(line).append('\n'));
        new TreeMap<>(settings).forEach((k, v) -> text.append(RankerConfigs.PREFIX).append(k).append('=').append(v).append('\n'));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return file;
    }
}
