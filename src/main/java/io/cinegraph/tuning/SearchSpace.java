package io.cinegraph.tuning;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cinegraph.ranker.RankerConfigs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The declared space of {@code tune}: by default the ranker network's settings, its training's, and the candidate
 * generators' (see docs/tuning.md for why each range). Every key is a {@code cinegraph.ranker.} setting, so a point of the
 * space is also a profile.
 */
public record SearchSpace(List<Parameter> parameters) {

    /** The built-in space, a resource; {@code tune --space FILE} searches another laid out alike. */
    public static final String BUILT_IN = "tuning/ranker-space.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    public SearchSpace {
        parameters = List.copyOf(parameters);
    }

    /** The ranges searched by default ({@value #BUILT_IN}): wide enough for catalogues from a few hundred to tens of thousands of movies. */
    public static SearchSpace ranker() {
        try (InputStream in = SearchSpace.class.getResourceAsStream("/" + BUILT_IN)) {
            return read(in, BUILT_IN);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the built-in search space " + BUILT_IN, e);
        }
    }

    /** A space from a JSON file laid out as {@value #BUILT_IN}. */
    public static SearchSpace read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No search space file " + file);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /**
     * Reads a JSON array of parameters: {@code {"key": …, "choices": [...]}} or {@code {"key": …, "low": …, "high": …}}
     * with {@code "log"} and {@code "integer"} flags. Refuses, naming the place, a malformed file, an unknown field,
     * a key that is not a ranker setting or comes twice, and an empty range.
     */
    static SearchSpace read(InputStream in, String source) throws IOException {
        byte[] json = in.readAllBytes();
        Parameter[] parameters;
        try {
            checkFields(JSON.readTree(json), source);
            parameters = JSON.readValue(json, Parameter[].class);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException bad ? bad : null;
            JsonLocation at = e.getLocation();
            throw new IllegalArgumentException(source + (at == null ? "" : ", line " + at.getLineNr() + " column "
                    + at.getColumnNr()) + ": " + (cause != null ? cause.getMessage() : e.getOriginalMessage()), e);
        }
        if (parameters == null || parameters.length == 0) {
            throw new IllegalArgumentException(source + ": the space needs at least one parameter");
        }
        Set<String> known = Set.copyOf(RankerConfigs.settingNames());
        Set<String> seen = new HashSet<>();
        for (Parameter p : parameters) {
            if (!known.contains(p.key())) {
                throw new IllegalArgumentException(source + ": '" + p.key() + "' is not a ranker setting; known: "
                        + String.join(", ", RankerConfigs.settingNames()));
            }
            if (!seen.add(p.key())) {
                throw new IllegalArgumentException(source + ": '" + p.key() + "' is listed twice");
            }
        }
        return new SearchSpace(List.of(parameters));
    }

    /** An array of objects whose fields are a parameter's (a misspelt field would otherwise read as its default). */
    private static void checkFields(JsonNode tree, String source) {
        if (tree == null || !tree.isArray()) {
            throw new IllegalArgumentException(source + ": a search space is a JSON array of parameters");
        }
        Set<String> fields = java.util.Arrays.stream(Parameter.class.getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName).collect(java.util.stream.Collectors.toSet());
        for (int i = 0; i < tree.size(); i++) {
            JsonNode parameter = tree.get(i);
            if (!parameter.isObject()) {
                throw new IllegalArgumentException(source + ": parameter " + (i + 1) + " is not a JSON object");
            }
            for (String field : (Iterable<String>) parameter::fieldNames) {
                if (!fields.contains(field)) {
                    throw new IllegalArgumentException(source + ": parameter " + (i + 1) + " (" + parameter.path("key")
                            .asText("no key") + ") has an unknown field '" + field + "'; known: " + new java.util.TreeSet<>(fields));
                }
            }
        }
    }

    public List<String> keys() {
        return parameters.stream().map(Parameter::key).toList();
    }

    /** Each parameter with its range or choices, as a journal records the space it was written for. */
    public List<String> ranges() {
        return parameters.stream().map(p -> p.key() + " " + p.describe()).toList();
    }

    /** A uniform draw over every parameter. */
    public Map<String, String> draw(Random random) {
        Map<String, String> point = new LinkedHashMap<>();
        parameters.forEach(p -> point.put(p.key(), p.draw(random)));
        return point;
    }
}
