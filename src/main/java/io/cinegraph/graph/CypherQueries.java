package io.cinegraph.graph;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The text of every {@link CypherQuery}, read once from the classpath ({@code cypher/**.cypher}). */
public final class CypherQueries {

    private static final String ROOT = "cypher/";
    private static final String SUFFIX = ".cypher";

    private final Map<CypherQuery, String> texts;

    private CypherQueries(Map<CypherQuery, String> texts) {
        this.texts = Collections.unmodifiableMap(texts);
    }

    /** Loads every statement; fails with the name of the first missing or empty file. */
    public static CypherQueries load() {
        Map<CypherQuery, String> texts = new EnumMap<>(CypherQuery.class);
        ClassLoader loader = Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader() : CypherQueries.class.getClassLoader();
        for (CypherQuery query : CypherQuery.values()) {
            String resource = ROOT + query.fileName() + SUFFIX;
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("Cypher file " + resource + " is missing from the classpath");
                }
                String text = stripComments(new String(in.readAllBytes(), StandardCharsets.UTF_8)).strip();
                if (text.isEmpty()) {
                    throw new IllegalStateException("Cypher file " + resource + " holds no statement");
                }
                texts.put(query, text);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + resource, e);
            }
        }
        return new CypherQueries(texts);
    }

    /** The single statement of a query file (a trailing semicolon is dropped). */
    public String text(CypherQuery query) {
        String text = texts.get(query);
        return text.endsWith(";") ? text.substring(0, text.length() - 1) : text;
    }

    /** The statements of a multi-statement file (schema migrations), split at semicolons that end a line. */
    public List<String> statements(CypherQuery query) {
        List<String> statements = new ArrayList<>();
        for (String part : texts.get(query).split(";\\s*(\\n|$)")) {
            if (!part.isBlank()) {
                statements.add(part.strip());
            }
        }
        return statements;
    }

    /** Drops whole-line {@code //} comments, which document the files but mean nothing to the server. */
    static String stripComments(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (String line : text.split("\\R")) {
            if (!line.stripLeading().startsWith("//")) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }
}
