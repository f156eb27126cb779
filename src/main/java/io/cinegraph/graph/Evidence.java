package io.cinegraph.graph;

import org.neo4j.driver.Record;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A query row's evidence columns, compactly (nulls kept): the column names are shared by every row with the same
 * columns, the values are one array. Served users keep hundreds of proposed rows each, so a row holds only what
 * explains it, not the driver's map of every column.
 */
public final class Evidence {

    /** Column names by the row's column list (a handful of queries: a handful of entries). */
    private static final Map<List<String>, String[]> NAMES = new ConcurrentHashMap<>();

    private final String[] names;
    private final Object[] values;

    private Evidence(String[] names, Object[] values) {
        this.names = names;
        this.values = values;
    }

    /** Every column of the row but those named in {@code leftOut}. */
    static Evidence of(Record row, Set<String> leftOut) {
        String[] names = NAMES.computeIfAbsent(row.keys(), keys -> keys.stream().filter(k -> !leftOut.contains(k))
                .toArray(String[]::new));
        Object[] values = new Object[names.length];
        for (int i = 0; i < names.length; i++) {
            values[i] = row.get(names[i]).asObject();
        }
        return new Evidence(names, values);
    }

    /** The column's value (a Java value as the driver gives it), or null when it is null or not a column. */
    public Object get(String column) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(column)) {
                return values[i];
            }
        }
        return null;
    }
}
