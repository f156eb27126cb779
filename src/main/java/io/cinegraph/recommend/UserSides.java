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
 * one signal snapshot until their ratings change ({@link #forget}), so requests after the first skip the database.
 */
final class UserSides {

    /** A user's side under one snapshot, and the genres they stated while those count (else empty). */
    record Side(SignalSnapshot snapshot, UserSide side, List<String> statedGenres) {
    }

    private final UserProfiles profiles;
    private final Cache<Long, Side> cache;

    UserSides(UserProfiles profiles, int cacheSize) {
        this.profiles = profiles;
        this.cache = Caffeine.newBuilder().maximumSize(cacheSize).build();
    }

    /** The user's side under {@code current}; {@code fresh} reads it again. A 404 for an unknown user. */
    Side side(long userId, SignalSnapshot current, boolean fresh) {
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
        cache.put(userId, out);
        return out;
    }

    void forget(long userId) {
        cache.invalidate(userId);
    }
}
