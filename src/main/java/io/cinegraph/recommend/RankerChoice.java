package io.cinegraph.recommend;

import java.util.function.Supplier;

/** Which ranker serves a user, and under which variant name (an experiment's arm, or {@code default}). */
public interface RankerChoice {

    /** The ranker and the variant that serve this user now. */
    record Served(Ranker ranker, String variant) {
    }

    Served choose(long userId);

    /** One ranker for everybody. */
    static RankerChoice of(Supplier<Ranker> rankers) {
        return userId -> new Served(rankers.get(), RecommendationIds.DEFAULT_VARIANT);
    }
}
