package io.cinegraph.training;

/**
 * Shared state that another replica can change through the graph: {@link ReplicaSync} asks each follower, on every
 * poll, to catch up with what the graph records.
 */
public interface ReplicaFollower {

    /** Catches up with the graph's record, if another replica changed it; failures are logged, never thrown. */
    void follow();
}
