package io.cinegraph.graph;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KnownRelationshipsTest {

    @Test
    void remembersEachPairUntilAnotherPairTakesItsSlot() {
        KnownRelationships known = new KnownRelationships(1 << 12);
        assertThat(known.get(0, 0)).as("an empty slot knows nothing, not even pair (0, 0)").isEqualTo(-1);
        known.put(7, 42, 1_000);
        known.put(42, 7, 2_000);
        assertThat(known.get(7, 42)).isEqualTo(1_000);
        assertThat(known.get(42, 7)).isEqualTo(2_000);
        assertThat(known.get(7, 43)).isEqualTo(-1);
        known.put(7, 42, 3_000);
        assertThat(known.get(7, 42)).as("a pair re-rated through another relationship").isEqualTo(3_000);

        // far more pairs than slots: each lookup is the pair's own id or -1, never another pair's, and the most
        // recent writes are mostly still there
        int hits = 0;
        for (long user = 1; user <= 100; user++) {
            for (long movie = 1; movie <= 1_000; movie++) {
                known.put(user, movie, user * 10_000 + movie);
            }
        }
        for (long user = 1; user <= 100; user++) {
            for (long movie = 1; movie <= 1_000; movie++) {
                long id = known.get(user, movie);
                assertThat(id).isIn(-1L, user * 10_000 + movie);
                if (id >= 0) {
                    hits++;
                }
            }
        }
        assertThat(hits).isBetween(1, known.slots());
    }

    @Test
    void isSizedFromTheHeapWithinItsBounds() {
        long gib = 1L << 30;
        // 3 GiB / 128 / 16 bytes a slot = 1.5 Mi slots, rounded down to a power of two
        assertThat(KnownRelationships.forHeap(3 * gib).slots()).isEqualTo(1 << 20);
        assertThat(KnownRelationships.forHeap(4L << 20).slots()).isEqualTo(KnownRelationships.MIN_SLOTS);
        assertThat(KnownRelationships.forHeap(1024 * gib).slots()).isEqualTo(KnownRelationships.MAX_SLOTS);
        assertThatThrownBy(() -> new KnownRelationships(1000)).isInstanceOf(IllegalArgumentException.class);
    }
}
