package io.cinegraph.training;

import io.cinegraph.domain.Interaction;
import io.cinegraph.domain.UserSide;
import io.cinegraph.evaluation.Metrics;
import io.cinegraph.ranker.RankerConfig;
import io.cinegraph.ranker.RankerModel;
import io.cinegraph.signals.SignalGraph;
import io.cinegraph.signals.SignalSnapshot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * The recent holdout of a retraining run: the latest rating of a seeded sample of users with at least
 * {@link #MIN_RATINGS} ratings. Models are compared on it with every feature read from a graph that holds
 * everything else, ranking each user's candidates as a request would (NDCG@10 of the held-out movie).
 */
final class Holdout {

    static final int MIN_RATINGS = 5;

    private final Map<Long, Long> heldOut;
    private final List<Interaction> rest;

    private Holdout(Map<Long, Long> heldOut, List<Interaction> rest) {
        this.heldOut = heldOut;
        this.rest = rest;
    }

    /** {@code ratings} in user order, chronological within each user (as {@code GraphData} reads them). */
    static Holdout of(List<Interaction> ratings, int users, long seed) {
        Map<Long, List<Interaction>> byUser = new TreeMap<>();
        ratings.forEach(i -> byUser.computeIfAbsent(i.userId(), u -> new ArrayList<>()).add(i));
        List<Long> eligible = new ArrayList<>();
        byUser.forEach((user, list) -> {
            if (list.size() >= MIN_RATINGS) {
                eligible.add(user);
            }
        });
        java.util.Collections.shuffle(eligible, new Random(seed));
        Set<Long> chosen = Set.copyOf(eligible.subList(0, Math.min(users, eligible.size())));
        Map<Long, Long> heldOut = new HashMap<>();
        List<Interaction> rest = new ArrayList<>(ratings.size());
        byUser.forEach((user, list) -> {
            list.sort(Interaction.CHRONOLOGICAL);
            int keep = chosen.contains(user) ? list.size() - 1 : list.size();
            rest.addAll(list.subList(0, keep));
            if (keep < list.size()) {
                heldOut.put(user, list.get(keep).movieId());
            }
        });
        return new Holdout(Map.copyOf(heldOut), List.copyOf(rest));
    }

    int users() {
        return heldOut.size();
    }

    /** Every rating but the held-out ones. */
    List<Interaction> rest() {
        return rest;
    }

    /**
     * Mean NDCG@10 of the held-out movies when {@code model} ranks each user's candidates, with every feature read
     * from {@code graph} (which must not hold the held-out ratings).
     */
    double ndcg(RankerModel model, SignalGraph graph, RankerConfig config, int historySize) {
        SignalSnapshot snapshot = graph.snapshot();
        double sum = 0;
        for (Map.Entry<Long, Long> e : new TreeMap<>(heldOut).entrySet()) {
            UserSide request = graph.extractor().request(e.getKey()).orElseThrow();
            List<Long> ranked = model.rank(e.getKey(), request, List.of(), snapshot, graph.extractor(), config,
                    historySize).stream().map(RankerModel.Scored::movieId).toList();
            sum += Metrics.ndcg(ranked, Set.of(e.getValue()), Validation.CUTOFF);
        }
        return heldOut.isEmpty() ? 0 : sum / heldOut.size();
    }
}
