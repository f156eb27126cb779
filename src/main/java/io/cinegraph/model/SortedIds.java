package io.cinegraph.model;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.stream.LongStream;

/**
 * An immutable set of ids held as one sorted {@code long[]}: membership is a binary search over a compact array
 * that stays in cache, where a {@code HashSet<Long>} of a heavy user's thousands of movies chases a pointer to a
 * node and another to a boxed key for every question (the candidate filters ask thousands per request).
 */
public final class SortedIds extends AbstractSet<Long> {

    private final long[] ids;

    private SortedIds(long[] ids) {
        this.ids = ids;
    }

    /** The distinct ids of {@code ids}. */
    public static SortedIds of(LongStream ids) {
        return new SortedIds(ids.sorted().distinct().toArray());
    }

    public boolean contains(long id) {
        return Arrays.binarySearch(ids, id) >= 0;
    }

    @Override
    public boolean contains(Object o) {
        return o instanceof Long id && contains(id.longValue());
    }

    @Override
    public int size() {
        return ids.length;
    }

    @Override
    public Iterator<Long> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < ids.length;
            }

            @Override
            public Long next() {
                if (next >= ids.length) {
                    throw new NoSuchElementException();
                }
                return ids[next++];
            }
        };
    }
}
