package io.cinegraph.evaluation;

import java.util.List;

/** A model that can also rank for a brand-new user who gives only their demographics and liked genres. */
public interface SignUpRecommender extends Recommender {

    /** Scores over the catalogue, indexed like {@code TrainingData#itemId(int)}, for the user as a sign-up. */
    double[] signUpScores(long userId, List<String> likedGenres);
}
