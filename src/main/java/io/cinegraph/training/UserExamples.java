package io.cinegraph.training;

import io.cinegraph.ranker.RankerInputs;

import java.util.Set;

/**
 * Training examples of one user: input rows, labels, the targets, and those held out for validation. {@code cold}:
 * built as a user with a few ratings (through the zero vector); {@code signUp}: as a brand-new sign-up.
 */
record UserExamples(long userId, RankerInputs.Rows rows, float[] labels, Set<Long> targets, Set<Long> heldOut,
                    boolean cold, boolean signUp) {

    /** What validation ranks against: the held-out latest targets, or all targets of a held-out cold user. */
    Set<Long> relevant() {
        return heldOut.isEmpty() ? targets : heldOut;
    }

    /** What validation leaves out of the ranking: the earlier targets, which come before the held-out ones. */
    Set<Long> excluded() {
        return heldOut.isEmpty() ? Set.of() : targets;
    }
}
