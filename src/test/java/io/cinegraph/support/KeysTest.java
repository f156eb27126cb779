package io.cinegraph.support;

import io.cinegraph.ranker.ModelFeature;
import io.cinegraph.signals.Feature;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KeysTest {

    @Test
    void camelCaseJoinsTheWordsOfAConstant() {
        assertEquals("userKnnScore", Keys.camelCase("USER_KNN_SCORE"));
        assertEquals("popularity30d", Keys.camelCase("POPULARITY_30D"));
        assertEquals("ageAtT", Keys.camelCase("AGE_AT_T"));
        assertEquals("trend", Keys.camelCase("TREND"));
    }

    /** The keys stand in saved models' schemas: these are the ones models were saved with. */
    @Test
    void featureKeysAreTheOnesSavedModelsName() {
        assertEquals(List.of("userKnnScore", "userKnnSupport", "itemKnnScore", "itemKnnSupport", "genreMatch",
                        "genreBest", "cohortPopularity", "cohortMean", "logPopularity", "bayesMean", "trend", "movieAge",
                        "userActivity", "userMean", "userSpread", "historyMax", "historyMean"),
                Arrays.stream(Feature.values()).map(Feature::key).toList());
        assertEquals(List.of("easeScore", "easeFractionalRank", "cosineScore", "cosineFractionalRank", "recentEase",
                        "recentCosine", "sessionScore", "popularity30d", "popularityToT", "daysSinceFirst",
                        "notYetRated", "ageAtT"),
                Arrays.stream(ModelFeature.values()).map(ModelFeature::key).toList());
    }
}
