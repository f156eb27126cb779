package io.cinegraph.graph;

import org.neo4j.driver.Record;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A query row's evidence columns as a compact, read-only map (nulls kept): the column names are shared by every row
 * with the same columns, the values are one array. Served users keep hundreds of proposed rows each, so a row holds
 * only what explains it, not the driver's map of every column.
 */
final class Evidence extends AbstractMap<String, Object> {

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
                .map(String::intern).toArray(String[]::new));
        Object[] values = new Object[names.length];
        for (int i = 0; i < names.length; i++) {
            values[i] = row.get(names[i]).asObject();
        }
        return new Evidence(names, values);
    }

    @Override
    public Object get(Object key) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(key)) {
                return values[i];
            }
        }
        return null;
    }

    @Override
    public boolean containsKey(Object key) {
        for (String name : names) {
            if (name.equals(key)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int size() {
        return names.length;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < names.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= names.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(names[i], values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return names.length;
            }
        };
    }
}
