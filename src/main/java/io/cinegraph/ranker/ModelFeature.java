package io.cinegraph.ranker;

import io.cinegraph.model.Collaborative;

/**
 * The ranker's own inputs beside the graph features of {@link io.cinegraph.signals.Feature}: item-to-item
 * scores from {@link Collaborative} and time-aware signals measured at the user's own time T (their latest
 * rating; for a user without ratings, the latest rating in the graph), so that no rating after T is counted.
 */
public enum ModelFeature {
    EASE_SCORE("easeScore", "EASE score of the movie from all the user's rated movies"),
    EASE_RANK("easeFractionalRank", "ln(1 + the movie's rank by EASE score in the catalogue; ties share their mean rank)"),
    COSINE_SCORE("cosineScore", "item-kNN cosine score of the movie from all the user's rated movies"),
    COSINE_RANK("cosineFractionalRank", "ln(1 + the movie's rank by cosine score in the catalogue; ties share their mean rank)"),
    RECENT_EASE("recentEase", "Σ EASE weights from the user's latest rated movies (history) to the movie"),
    RECENT_COSINE("recentCosine", "highest cosine similarity between the movie and the user's history"),
    SESSION("sessionScore", "mean share of the movie in the sessions of the movies of the user's latest session"),
    POPULARITY_30D("popularity30d", "ln(1 + ratings of the movie in the 30 days up to T)"),
    POPULARITY_TO_T("popularityToT", "ln(1 + ratings of the movie up to T)"),
    DAYS_SINCE_FIRST("daysSinceFirst", "ln(1 + days from the movie's first rating to T), 0 if after T"),
    NOT_YET_RATED("notYetRated", "1 when nobody had rated the movie by T, else 0"),
    AGE_AT_T("ageAtT", "years from the movie's release to T (0 when the year is unknown)");

    private final String key;
    private final String meaning;

    ModelFeature(String key, String meaning) {
        this.key = key;
        this.meaning = meaning;
    }

    public String key() {
        return key;
    }

    public String meaning() {
        return meaning;
    }
}
