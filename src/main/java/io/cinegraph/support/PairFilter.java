package io.cinegraph.support;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A Bloom filter over pairs of longs (a user and a movie) in a fixed number of bits: "certainly not added" or "maybe
 * added". Safe for concurrent use: bits are set atomically and read with acquire semantics, so a pair added by one
 * thread is seen by any thread that synchronizes with it afterwards (a lock, a commit).
 */
public final class PairFilter {

    private static final VarHandle WORDS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final int HASHES = 3;
    private static final int MIN_BITS = 1 << 16;
    /** 2^30 bits = 128 MiB: below 1% false positives up to ~100M pairs. */
    private static final long MAX_BITS = 1L << 30;
    private static final int BITS_PER_EXPECTED_PAIR = 10;

    private final long[] words;
    private final long mask;
    private final long expectedPairs;

    /** A filter sized for about {@code expectedPairs} pairs (10 bits each, rounded to a power of two, capped). */
    public PairFilter(long expectedPairs) {
        long bits = Long.highestOneBit(Math.max(MIN_BITS, Math.min(MAX_BITS, expectedPairs * BITS_PER_EXPECTED_PAIR)) * 2 - 1);
        this.words = new long[(int) (bits >>> 6)];
        this.mask = bits - 1;
        this.expectedPairs = expectedPairs;
    }

    /** How many pairs the filter was sized for: beyond that its false positives grow. */
    public long expectedPairs() {
        return expectedPairs;
    }

    /** Records the pair; true if it may have been recorded before (false means certainly not). */
    public boolean add(long a, long b) {
        long h1 = Seeds.finalizer(a * Seeds.GOLDEN ^ b);
        long h2 = Seeds.finalizer(h1 ^ 0xC2B2AE3D27D4EB4FL) | 1;
        boolean seen = true;
        for (int i = 0; i < HASHES; i++) {
            long bit = (h1 + i * h2) & mask;
            long m = 1L << (bit & 63);
            long before = (long) WORDS.getAndBitwiseOr(words, (int) (bit >>> 6), m);
            if ((before & m) == 0) {
                seen = false;
            }
        }
        return seen;
    }

    /** Whether the pair may have been added (false means certainly not). */
    public boolean mightContain(long a, long b) {
        long h1 = Seeds.finalizer(a * Seeds.GOLDEN ^ b);
        long h2 = Seeds.finalizer(h1 ^ 0xC2B2AE3D27D4EB4FL) | 1;
        for (int i = 0; i < HASHES; i++) {
            long bit = (h1 + i * h2) & mask;
            if (((long) WORDS.getAcquire(words, (int) (bit >>> 6)) & (1L << (bit & 63))) == 0) {
                return false;
            }
        }
        return true;
    }
}
