package io.cinegraph.signals;

/**
 * The features of one (user, movie) pair, in vector order. Each names its meaning, its range and the value
 * it takes when the signal is missing. μ is the global mean rating; "history" is the user's
 * {@code cinegraph.signals.history-size} latest rated movies.
 */
public enum Feature {
    USER_KNN_SCORE("userKnnScore", "Σ over neighbours who rated the movie of sim·(r − μ_v + 1)", "(−∞, ∞), mostly [0, 30]", 0),
    USER_KNN_SUPPORT("userKnnSupport", "how many of the user's neighbours rated the movie", "[0, k]", 0),
    ITEM_KNN_SCORE("itemKnnScore", "Σ over the user's liked movies SIMILAR to it of sim·(r − μ_u + 1)", "[0, ∞)", 0),
    ITEM_KNN_SUPPORT("itemKnnSupport", "how many of the user's liked movies are SIMILAR to it", "[0, ∞)", 0),
    GENRE_MATCH("genreMatch", "mean PREFERS affinity of the user over the movie's genres (0 for unrated genres)", "≈[−2, 2]", 0),
    GENRE_BEST("genreBest", "the strongest PREFERS affinity among the movie's genres", "≈[−2, 2]", 0),
    COHORT_POPULARITY("cohortPopularity", "ln(1 + ratings of the movie by the user's demographic cohort)", "[0, ∞)", 0),
    COHORT_MEAN("cohortMean", "the cohort's Bayesian mean rating of the movie, (C·μ + Σr)/(C + n)", "rating scale", -1),
    LOG_POPULARITY("logPopularity", "ln(1 + ratings of the movie)", "[0, ∞)", 0),
    BAYES_MEAN("bayesMean", "the movie's Bayesian mean rating, (C·μ + Σr)/(C + n)", "rating scale", -1),
    TREND("trend", "ln(1 + Σ 2^(−age/half-life)) over the movie's ratings", "[0, ∞)", 0),
    MOVIE_AGE("movieAge", "years from release to the latest rating in the graph", "[0, ∞)", 0),
    USER_ACTIVITY("userActivity", "ln(1 + ratings by the user)", "[0, ∞)", 0),
    USER_MEAN("userMean", "the user's mean rating", "rating scale", -1),
    USER_SPREAD("userSpread", "standard deviation of the user's ratings", "[0, 2.25]", 0),
    HISTORY_MAX("historyMax", "highest SIMILAR score from the user's recent history to the movie", "[0, 1]", 0),
    HISTORY_MEAN("historyMean", "Σ SIMILAR scores from the recent history to the movie / history size", "[0, 1]", 0);

    /** Marker for "use μ (the global mean rating) when missing". */
    static final double GLOBAL_MEAN = -1;

    private final String key;
    private final String meaning;
    private final String range;
    private final double missing;

    Feature(String key, String meaning, String range, double missing) {
        this.key = key;
        this.meaning = meaning;
        this.range = range;
        this.missing = missing;
    }

    public String key() {
        return key;
    }

    public String meaning() {
        return meaning;
    }

    public String range() {
        return range;
    }

    /** The value when missing; {@link #GLOBAL_MEAN} means μ. */
    public double missing() {
        return missing;
    }
}
