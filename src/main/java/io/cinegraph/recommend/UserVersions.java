package io.cinegraph.recommend;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A counter per user, moved by every change of what serving caches for them (a rating, a view, refreshed graph
 * signals). A request notes the user's version before it reads or ranks, and a cache keeps what the request
 * computed only if the version has not moved since ({@link UserSides}, {@link RankingCache}): a request that read the
 * graph before a write committed can never leave its older answer cached after the write was acknowledged.
 */
final class UserVersions {

    private final ConcurrentHashMap<Long, Long> versions = new ConcurrentHashMap<>();

    long current(long userId) {
        return versions.getOrDefault(userId, 0L);
    }

    /** Moves the user's version; call it before dropping or patching what the caches hold for them. */
    void bump(long userId) {
        versions.merge(userId, 1L, Long::sum);
    }
}
