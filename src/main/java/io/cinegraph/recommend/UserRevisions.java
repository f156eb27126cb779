package io.cinegraph.recommend;

/**
 * Whether a user's ratings changed since this process last looked, through a write it did not see (another replica's).
 * A write through this process already drops what it cached for the user ({@link RecommendationService#forget}).
 */
interface UserRevisions {

    /** A process that owns its graph alone sees every write itself. */
    UserRevisions NONE = userId -> false;

    /**
     * True when what was cached for the user may no longer be exact: their revision moved since the last call, or the
     * last one is not known.
     */
    boolean changed(long userId);
}
