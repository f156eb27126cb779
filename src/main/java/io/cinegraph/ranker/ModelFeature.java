package io.cinegraph.ranker;

import io.cinegraph.model.Collaborative;
import io.cinegraph.support.Keys;

/**
 * The ranker's own inputs beside the graph features of {@link io.cinegraph.signals.Feature}: item-to-item
 * scores from {@link Collaborative} and time-aware signals measured at the user's own time T (their latest
 * rating; for a user without ratings, the latest rating in the graph), so that no rating after T is counted.
 */
public enum ModelFeature {
    /** EASE score of the movie from all the user's rated movies. */
    EASE_SCORE,
    /** ln(1 + the movie's rank by EASE score in the catalogue; ties share their mean rank). */
    EASE_FRACTIONAL_RANK,
    /** Item-kNN cosine score of the movie from all the user's rated movies. */
    COSINE_SCORE,
    /** ln(1 + the movie's rank by cosine score in the catalogue; ties share their mean rank). */
    COSINE_FRACTIONAL_RANK,
    /** Σ EASE weights from the user's latest rated movies (history) to the movie. */
    RECENT_EASE,
    /** Highest cosine similarity between the movie and the user's history. */
    RECENT_COSINE,
    /** Mean share of the movie in the sessions of the movies of the user's latest session. */
    SESSION_SCORE,
    /** ln(1 + ratings of the movie in the 30 days up to T). */
    POPULARITY_30D,
    /** ln(1 + ratings of the movie up to T). */
    POPULARITY_TO_T,
    /** ln(1 + days from the movie's first rating to T), 0 if after T. */
    DAYS_SINCE_FIRST,
    /** 1 when nobody had rated the movie by T, else 0. */
    NOT_YET_RATED,
    /** Years from the movie's release to T (0 when the year is unknown). */
    AGE_AT_T;

    /** The name in model files and explanations: the constant's name in camel case ({@code userKnnScore}). */
    private final String key = Keys.camelCase(name());

    public String key() {
        return key;
    }
}
