package io.cinegraph.graph;

import java.util.Arrays;

/**
 * A hint of RATED relationship ids by (user, movie) pair, in a fixed table sized once from the heap: each pair has
 * one slot (by a hash of the pair), and a pair written later takes the slot of whatever held it. It never grows, so a
 * long-running service's heap stays flat, and a re-rated pair most often finds its relationship without walking a
 * RATED chain. Racy by design: threads read and write slots without locks, and a reader may see one pair's key with
 * another's id. Whoever asks must check that the relationship still joins the pair ({@link CoreApi}), as for a deleted
 * relationship or a reused id.
 */
final class KnownRelationships {

    /** The table takes at most this share of the maximum heap (two longs a slot)... */
    static final int HEAP_SHARE_DIVISOR = 128;
    /** ...within these bounds, in slots (powers of two: 64 KiB to 64 MiB). */
    static final int MIN_SLOTS = 1 << 12;
    static final int MAX_SLOTS = 1 << 22;

    private final long[] keys;
    private final long[] ids;
    private final int shift;

    /** A table of {@code slots} slots, a power of two. */
    KnownRelationships(int slots) {
        if (Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("Slots must be a power of two: " + slots);
        }
        this.keys = new long[slots];
        this.ids = new long[slots];
        Arrays.fill(ids, -1);
        this.shift = 64 - Integer.numberOfTrailingZeros(slots);
    }

    /** A table of 1/{@value #HEAP_SHARE_DIVISOR} of a heap of {@code maxHeapBytes}, within the bounds above. */
    static KnownRelationships forHeap(long maxHeapBytes) {
        long slots = Long.highestOneBit(Math.max(1, maxHeapBytes / HEAP_SHARE_DIVISOR / (2 * Long.BYTES)));
        return new KnownRelationships((int) Math.max(MIN_SLOTS, Math.min(MAX_SLOTS, slots)));
    }

    int slots() {
        return keys.length;
    }

    /** The relationship id last remembered for this pair, if its slot still holds it; else -1. */
    long get(long userId, long movieId) {
        long key = key(userId, movieId);
        int slot = slot(key);
        long id = ids[slot];
        return keys[slot] == key ? id : -1;
    }

    /** Remembers the pair's relationship, in place of whatever its slot held. */
    void put(long userId, long movieId, long relationshipId) {
        long key = key(userId, movieId);
        int slot = slot(key);
        keys[slot] = key;
        ids[slot] = relationshipId;
    }

    /** Exact for ids below 2³²; beyond, two pairs may share a key, which the check on reading catches. */
    private static long key(long userId, long movieId) {
        return (userId << 32) ^ (movieId & 0xFFFF_FFFFL) ^ (movieId >>> 32);
    }

    private int slot(long key) {
        return (int) ((key * io.cinegraph.support.Seeds.GOLDEN) >>> shift);
    }
}
