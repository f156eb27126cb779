package io.cinegraph.recommend;

import io.cinegraph.domain.Likes;
import io.cinegraph.domain.UserSide;
import io.cinegraph.signals.SignalSnapshot;
import io.cinegraph.graph.UserRepository;
import io.cinegraph.signals.FeatureExtractor;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** Users as the graph holds them: one round trip for the side of the features, one for the sign-up likes. */
@ApplicationScoped
public class GraphUserProfiles implements UserProfiles {

    private final FeatureExtractor extractor;
    private final UserRepository users;

    public GraphUserProfiles(FeatureExtractor extractor, UserRepository users) {
        this.extractor = extractor;
        this.users = users;
    }

    @Override
    public Optional<UserSide> side(long userId) {
        return extractor.request(userId);
    }

    @Override
    public UserSide withRatings(UserSide side, java.util.List<UserSide.Rated> ratings, SignalSnapshot snapshot) {
        return extractor.withRatings(side, ratings, snapshot);
    }

    @Override
    public Likes likes(long userId) {
        return users.likes(userId);
    }
}
