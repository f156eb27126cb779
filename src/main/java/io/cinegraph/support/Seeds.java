package io.cinegraph.support;

/** Seeded draws that do not depend on the order in which ids are visited. */
public final class Seeds {

    /** The golden-ratio increment of SplitMix64. */
    public static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Seeds() {
    }

    /**
     * A seed per (seed, id): SplitMix64's finalizer over {@code seed · GOLDEN + id}, because {@link java.util.Random}'s
     * first draws for consecutive seeds are strongly correlated.
     */
    public static long mix(long seed, long id) {
        return finalizer(seed * GOLDEN + id);
    }

    /** SplitMix64's finalizer: a good 64-bit mix. */
    public static long finalizer(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
