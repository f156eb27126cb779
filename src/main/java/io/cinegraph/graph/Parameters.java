package io.cinegraph.graph;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cypher parameters from Java records: a record becomes a map of its components by name, nulls kept, so that a
 * statement reads {@code row.title} for a row's {@code title()}. One rule for every repository that writes rows.
 */
final class Parameters {

    private record Component(String name, MethodHandle accessor) {
    }

    private static final ClassValue<List<Component>> COMPONENTS = new ClassValue<>() {
        @Override
        protected List<Component> computeValue(Class<?> type) {
            List<Component> components = new ArrayList<>();
            for (RecordComponent c : type.getRecordComponents()) {
                try {
                    components.add(new Component(c.getName(), MethodHandles.publicLookup().unreflect(c.getAccessor())));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(type.getName() + " must be a public record", e);
                }
            }
            return List.copyOf(components);
        }
    };

    private Parameters() {
    }

    /** The components of {@code row} by name. */
    static Map<String, Object> of(Record row) {
        List<Component> components = COMPONENTS.get(row.getClass());
        Map<String, Object> map = new HashMap<>(components.size() * 2);
        for (Component c : components) {
            try {
                map.put(c.name(), c.accessor().invoke(row));
            } catch (Throwable e) {
                throw new IllegalStateException("Cannot read " + c.name() + " of " + row.getClass().getName(), e);
            }
        }
        return map;
    }

    /** One map per row, in order. */
    static List<Map<String, Object>> of(List<? extends Record> rows) {
        List<Map<String, Object>> maps = new ArrayList<>(rows.size());
        rows.forEach(row -> maps.add(of(row)));
        return maps;
    }
}
