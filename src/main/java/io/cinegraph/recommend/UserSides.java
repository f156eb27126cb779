package io.cinegraph.recommend;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.cinegraph.catalog.NotFoundException;
import io.cinegraph.domain.Likes;
import io.cinegraph.domain.UserSide;
import io.cinegraph.ranker.RankerModel;
import io.cinegraph.ranker.StatedPreferences;
import io.cinegraph.signals.SignalSnapshot;

import java.util.List;

/**
 * Users' sides of the features as ranking sees them, with the cold-start rule: a user with fewer than
 * {@link RankerModel#STATED_PREFERENCES_BELOW} ratings is still new, and the genres and movies they liked at sign-up
 * stand beside their first few ratings (as for the cold users the network is trained on). Cached per user under
 * one signal snapshot, so requests after the first skip the database: a committed rating (new or replaced)
 * is put into the cached side in place ({@link #rated}, the same side a read of the graph would give), anything else
 * that changes the user drops it ({@link #forget}). What a request read is cached only if the user's version did
 * not move meanwhile ({@link UserVersions}).
 */
final class UserSides {

    /** A user's side under one snapshot, and the genres they stated while those count (else empty). */
    record Side(SignalSnapshot snapshot, UserSide side, List<String> statedGenres) {
    }

    private final UserProfiles profiles;
    private final UserVersions versions;
    private final Cache<Long, Side> cache;

    UserSides(UserProfiles profiles, UserVersions versions, int cacheSize) {
        this.profiles = profiles;
        this.versions = versions;
        this.cache = Caffeine.newBuilder().maximumSize(cacheSize).build();
    }

    /**
     * The user's side under {@code current}; {@code fresh} reads it again. A 404 for an unknown user.
     * {@code version} is the user's version when the request began.
     */
    Side side(long userId, SignalSnapshot current, boolean fresh, long version) {
        Side cached = fresh ? null : cache.getIfPresent(userId);
        if (cached != null && cached.snapshot() == current) {
            return cached;
        }
        UserSide side = profiles.side(userId).orElseThrow(() -> new NotFoundException("user", userId));
        List<String> statedGenres = List.of();
        if (side.ratings().size() < RankerModel.STATED_PREFERENCES_BELOW) {
            Likes likes = profiles.likes(userId);
            side = new StatedPreferences(likes.genres(), likes.movies())
                    .apply(side, current.global().ratingMax(), current.global().latestRatedAt());
            statedGenres = likes.genres();
        }
        Side out = new Side(current, side, statedGenres);
        cache.asMap().compute(userId, (id, old) -> versions.current(userId) == version ? out : old);
        return out;
    }

    /**
     * After a committed rating (the user's version already moved): the cached side, if any, gets it in place of
     * any earlier rating or view of that movie, with its statistics and affinities recomputed. The
     * side of a user still new (stated preferences mixed in) is dropped instead.
     */
    void rated(long userId, UserSide.Rated rating) {
        cache.asMap().computeIfPresent(userId, (id, cached) -> !cached.statedGenres().isEmpty()
                || cached.side().ratings().size() < RankerModel.STATED_PREFERENCES_BELOW ? null
                : new Side(cached.snapshot(), profiles.withRating(cached.side(), rating, cached.snapshot()), List.of()));
    }

    void forget(long userId) {
        cache.invalidate(userId);
    }
}
