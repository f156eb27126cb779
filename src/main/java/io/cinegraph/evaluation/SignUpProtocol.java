package io.cinegraph.evaluation;

import io.cinegraph.domain.Interaction;
import io.cinegraph.domain.LikedGenres;
import io.cinegraph.model.TrainingData;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The cold-start protocol's users again, as brand-new users who give only their demographics and the genres they
 * like ({@link LikedGenres}, the rule training uses for its sign-ups): NDCG@k over all their ratings, for the model
 * (no ratings, no user embedding), most-popular, and the popularity within the user's gender × age-band cohort
 * (users without demographics: most-popular).
 */
public final class SignUpProtocol {

    /** Mean NDCG@k of each ranking over the sign-ups. */
    public record Result(int users, double model, double mostPopular, double cohortPopularity) {
    }

    private SignUpProtocol() {
    }

    public static Result run(SignUpRecommender model, List<Interaction> all, Split split, Map<Long, List<String>> genres,
                             Map<Long, String> cohortOfUser, int k) {
        TrainingData data = new TrainingData(split.train(), all);
        Set<Long> cold = new HashSet<>();
        split.test().forEach(i -> cold.add(i.userId()));
        Map<Long, List<Interaction>> ratingsOf = new TreeMap<>();
        all.stream().filter(i -> cold.contains(i.userId()))
                .forEach(i -> ratingsOf.computeIfAbsent(i.userId(), u -> new java.util.ArrayList<>()).add(i));
        double[] popular = new double[data.items()];
        Map<String, double[]> byCohort = new HashMap<>();
        for (Interaction i : split.train()) {
            int item = data.itemIndex(i.movieId());
            popular[item]++;
            String cohort = cohortOfUser.get(i.userId());
            if (cohort != null) {
                byCohort.computeIfAbsent(cohort, c -> new double[data.items()])[item]++;
            }
        }
        List<Long> popularRanking = Evaluator.rank(popular, data);
        double modelSum = 0;
        double popularSum = 0;
        double cohortSum = 0;
        for (Map.Entry<Long, List<Interaction>> e : ratingsOf.entrySet()) {
            Set<Long> relevant = new HashSet<>();
            e.getValue().forEach(i -> relevant.add(i.movieId()));
            List<String> liked = LikedGenres.of(e.getValue(), genres::get);
            modelSum += Metrics.ndcg(Evaluator.rank(model.signUpScores(e.getKey(), liked), data), relevant, k);
            popularSum += Metrics.ndcg(popularRanking, relevant, k);
            double[] cohort = byCohort.getOrDefault(cohortOfUser.get(e.getKey()), popular);
            cohortSum += Metrics.ndcg(Evaluator.rank(cohort, data), relevant, k);
        }
        int users = ratingsOf.size();
        return new Result(users, modelSum / users, popularSum / users, cohortSum / users);
    }
}
