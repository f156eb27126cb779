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
 * joins the cached side ({@link #rated}: kept beside it, and put in, statistics and affinities recomputed, by the
 * next request for the user, once for all the ratings since; the same side a read of the graph would give, and a
 * write costs no recomputation of a side nobody asks for), anything else
 * that changes the user drops it ({@link #forget}). What a request read is cached only if the user's version did
 * not move meanwhile ({@link UserVersions}).
 */
final class UserSides {

    /** Ratings that may wait beside a cached side for the user's next request. */
    static final int MAX_LATER = 32;

    /**
     * A user's side under one snapshot, the genres they stated while those count (else empty), and the ratings
     * committed since that {@code side} does not hold yet (in commit order; empty once put in).
     */
    record Side(SignalSnapshot snapshot, UserSide side, List<String> statedGenres, List<UserSide.Rated> later) {

        Side(SignalSnapshot snapshot, UserSide side, List<String> statedGenres) {
            this(snapshot, side, statedGenres, List.of());
        }

        Side with(UserSide.Rated rating) {
            List<UserSide.Rated> more = new java.util.ArrayList<>(later.size() + 1);
            more.addAll(later);
            more.add(rating);
            return new Side(snapshot, side, statedGenres, List.copyOf(more));
        }
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
            if (cached.later().isEmpty()) {
                return cached;
            }
            Side caughtUp = new Side(current, profiles.withRatings(cached.side(), cached.later(), current), List.of());
            // kept unless a write came meanwhile (it is then applied by the next request)
            cache.asMap().computeIfPresent(userId, (id, now) -> now == cached ? caughtUp : now);
            return caughtUp;
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
     * After a committed rating (the user's version already moved): the cached side, if any, takes it, in place of
     * any earlier rating or view of that movie, when the user is next asked for. The side of a user still new
     * (stated preferences mixed in) is dropped instead, and so is the side of a user with {@value #MAX_LATER} ratings
     * waiting already (a stream of writes nobody reads: their next request reads the side from the graph).
     */
    void rated(long userId, UserSide.Rated rating) {
        cache.asMap().computeIfPresent(userId, (id, cached) -> !cached.statedGenres().isEmpty()
                || cached.side().ratings().size() < RankerModel.STATED_PREFERENCES_BELOW
                || cached.later().size() >= MAX_LATER ? null : cached.with(rating));
    }

    void forget(long userId) {
        cache.invalidate(userId);
    }
}
