package io.cinegraph.graph;

import com.github.benmanes.caffeine.cache.Interner;
import org.neo4j.driver.Record;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Set;

/**
 * One query row's evidence columns (every column but the row's movie, title, year and score), read by name. The
 * values live in their query's {@link Table}, column by column in primitive arrays, so that the hundreds of rows a
 * served user's proposals keep cost a few bytes a value rather than a boxed object each.
 */
public final class Evidence {

    private final Table table;
    private final int row;

    private Evidence(Table table, int row) {
        this.table = table;
        this.row = row;
    }

    /** The column's value (a Java value as the driver gives it), or null when it is null or not a column. */
    public Object get(String column) {
        for (int c = 0; c < table.names.length; c++) {
            if (table.names[c].equals(column)) {
                return table.columns[c].get(row);
            }
        }
        return null;
    }

    /** Strings that recur across rows and users (titles, genres, occupations): one instance each while in use. */
    static final Interner<String> STRINGS = Interner.newWeakInterner();

    /** The evidence of a query's rows, column by column. */
    record Table(String[] names, Column[] columns) {

        /** The columns of {@code rows} but those named in {@code leftOut} (the rows share their column list). */
        static Table of(List<Record> rows, Set<String> leftOut) {
            String[] names = rows.isEmpty() ? new String[0]
                    : rows.get(0).keys().stream().filter(k -> !leftOut.contains(k)).toArray(String[]::new);
            Column[] columns = new Column[names.length];
            for (int c = 0; c < names.length; c++) {
                Object[] values = new Object[rows.size()];
                for (int r = 0; r < values.length; r++) {
                    values[r] = rows.get(r).get(names[c]).asObject();
                }
                columns[c] = Column.of(values);
            }
            return new Table(names, columns);
        }

        Evidence row(int row) {
            return new Evidence(this, row);
        }
    }

    /** One column's values, in the most compact form all its values fit. */
    private interface Column {

        Object get(int row);

        static Column of(Object[] values) {
            if (all(values, Long.class)) {
                return numbers(values, v -> (Long) v, bits -> bits);
            }
            if (all(values, Double.class)) {
                return numbers(values, v -> Double.doubleToRawLongBits((Double) v), Double::longBitsToDouble);
            }
            if (all(values, String.class)) {
                String[] out = new String[values.length];
                for (int i = 0; i < values.length; i++) {
                    out[i] = values[i] == null ? null : STRINGS.intern((String) values[i]);
                }
                return row -> out[row];
            }
            if (Arrays.stream(values).allMatch(v -> v instanceof List<?> list
                    && list.stream().allMatch(Long.class::isInstance))) {
                long[][] out = new long[values.length][];
                for (int i = 0; i < values.length; i++) {
                    out[i] = ((List<?>) values[i]).stream().mapToLong(v -> (Long) v).toArray();
                }
                return row -> Arrays.stream(out[row]).boxed().toList();
            }
            Object[] out = values.clone();
            return row -> out[row];
        }

        /** Numbers of one type as 64 bits each ({@code bits} in, {@code value} out), nulls kept aside. */
        private static Column numbers(Object[] values, java.util.function.ToLongFunction<Object> bits,
                                      java.util.function.LongFunction<Object> value) {
            long[] out = new long[values.length];
            BitSet nulls = new BitSet();
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    nulls.set(i);
                } else {
                    out[i] = bits.applyAsLong(values[i]);
                }
            }
            return nulls.isEmpty() ? row -> value.apply(out[row]) : row -> nulls.get(row) ? null : value.apply(out[row]);
        }

        private static boolean all(Object[] values, Class<?> type) {
            return Arrays.stream(values).allMatch(v -> v == null || type.isInstance(v));
        }
    }
}
