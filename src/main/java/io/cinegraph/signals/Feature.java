package io.cinegraph.signals;

import io.cinegraph.support.Keys;

/**
 * The features of one (user, movie) pair, in vector order. Each one's comment gives its meaning, its range and the
 * value it takes when the signal is missing. μ is the global mean rating; "history" is the user's
 * {@code cinegraph.signals.history-size} latest rated movies.
 */
public enum Feature {
    /** Σ over neighbours who rated the movie of sim·(r − μ_v + 1); range (−∞, ∞), mostly [0, 30]; 0 when missing. */
    USER_KNN_SCORE,
    /** How many of the user's neighbours rated the movie; range [0, k]; 0 when missing. */
    USER_KNN_SUPPORT,
    /** Σ over the user's liked movies SIMILAR to it of sim·(r − μ_u + 1); range [0, ∞); 0 when missing. */
    ITEM_KNN_SCORE,
    /** How many of the user's liked movies are SIMILAR to it; range [0, ∞); 0 when missing. */
    ITEM_KNN_SUPPORT,
    /** Mean PREFERS affinity of the user over the movie's genres (0 for unrated genres); range ≈[−2, 2]; 0 when missing. */
    GENRE_MATCH,
    /** The strongest PREFERS affinity among the movie's genres; range ≈[−2, 2]; 0 when missing. */
    GENRE_BEST,
    /** ln(1 + ratings of the movie by the user's demographic cohort); range [0, ∞); 0 when missing. */
    COHORT_POPULARITY,
    /** The cohort's Bayesian mean rating of the movie, (C·μ + Σr)/(C + n); range the rating scale; μ when missing. */
    COHORT_MEAN,
    /** ln(1 + ratings of the movie); range [0, ∞); 0 when missing. */
    LOG_POPULARITY,
    /** The movie's Bayesian mean rating, (C·μ + Σr)/(C + n); range the rating scale; μ when missing. */
    BAYES_MEAN,
    /** ln(1 + Σ 2^(−age/half-life)) over the movie's ratings; range [0, ∞); 0 when missing. */
    TREND,
    /** Years from release to the latest rating in the graph; range [0, ∞); 0 when missing. */
    MOVIE_AGE,
    /** ln(1 + ratings by the user); range [0, ∞); 0 when missing. */
    USER_ACTIVITY,
    /** The user's mean rating; range the rating scale; μ when missing. */
    USER_MEAN,
    /** Standard deviation of the user's ratings; range [0, 2.25]; 0 when missing. */
    USER_SPREAD,
    /** Highest SIMILAR score from the user's recent history to the movie; range [0, 1]; 0 when missing. */
    HISTORY_MAX,
    /** Σ SIMILAR scores from the recent history to the movie / history size; range [0, 1]; 0 when missing. */
    HISTORY_MEAN;

    /** The name in model files and explanations: the constant's name in camel case ({@code userKnnScore}). */
    private final String key = Keys.camelCase(name());

    public String key() {
        return key;
    }
}
