package io.cinegraph.recommend;

import io.cinegraph.domain.Likes;
import io.cinegraph.domain.UserSide;
import io.cinegraph.signals.SignalSnapshot;

import java.util.List;
import java.util.Optional;

/** Where serving reads a user from: their side of the features, and what they said they like at sign-up. */
public interface UserProfiles {

    /** The user's side of the features; empty for an unknown user. */
    Optional<UserSide> side(long userId);

    /**
     * {@code side}, read under {@code snapshot}, after these ratings (in commit order; each in place of any earlier
     * rating or view of its movie): what {@link #side} would read once they are in the graph.
     */
    UserSide withRatings(UserSide side, List<UserSide.Rated> ratings, SignalSnapshot snapshot);

    /** The genres and movies the user said they like when they signed up (empty lists when none). */
    Likes likes(long userId);
}
