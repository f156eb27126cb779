package io.cinegraph.training;

import io.cinegraph.domain.Interaction;
import io.cinegraph.evaluation.Split;
import io.cinegraph.evaluation.Splitter;
import io.cinegraph.support.Seeds;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * How the ratings are divided for training. Most users: their latest {@code targetFraction} of ratings are
 * targets, the rest history; their latest target is held out for validation when they have two or more. A seeded
 * {@link #COLD_START_SHARE} of users with at least {@code 2 × COLD_KEEP} ratings are made cold: only their first
 * 1–{@link #COLD_KEEP} ratings (a seeded count) stay in the history graph, and all their later ratings are targets,
 * which is what a new user's recommendations are judged on. {@code all} is every user's ratings, oldest first.
 */
record TrainingCut(List<Interaction> history, Map<Long, Set<Long>> targets, Map<Long, Set<Long>> heldOut,
                   Set<Long> cold, Map<Long, List<Interaction>> all) {

    /** Share of users made cold in training. */
    static final double COLD_START_SHARE = 0.2;
    /** A cold user keeps between 1 and this many of their first ratings. */
    static final int COLD_KEEP = 5;

    static TrainingCut of(List<Interaction> ratings, double targetFraction, long seed) {
        Map<Long, List<Interaction>> all = new TreeMap<>();
        ratings.forEach(i -> all.computeIfAbsent(i.userId(), u -> new ArrayList<>()).add(i));
        Split split = Splitter.lastFraction(targetFraction).split(ratings);
        Set<Long> cold = new HashSet<>();
        Map<Long, Set<Long>> targets = new HashMap<>();
        List<Interaction> history = new ArrayList<>();
        for (Map.Entry<Long, List<Interaction>> e : all.entrySet()) {
            e.getValue().sort(Interaction.CHRONOLOGICAL);
            long userId = e.getKey();
            if (e.getValue().size() >= 2 * COLD_KEEP
                    && new Random(Seeds.mix(seed + 17, userId)).nextDouble() < COLD_START_SHARE) {
                cold.add(userId);
                int keep = 1 + (int) Math.floorMod(Seeds.mix(seed + 23, userId), (long) COLD_KEEP);
                history.addAll(e.getValue().subList(0, keep));
                e.getValue().subList(keep, e.getValue().size())
                        .forEach(i -> targets.computeIfAbsent(userId, u -> new HashSet<>()).add(i.movieId()));
            }
        }
        split.train().stream().filter(i -> !cold.contains(i.userId())).forEach(history::add);
        split.test().stream().filter(i -> !cold.contains(i.userId()))
                .forEach(i -> targets.computeIfAbsent(i.userId(), u -> new HashSet<>()).add(i.movieId()));
        Map<Long, Set<Long>> heldOut = new HashMap<>();
        targets.forEach((userId, t) -> {
            if (!cold.contains(userId) && t.size() >= 2) {
                // the user's latest target (their ratings are oldest first)
                List<Interaction> inTargets = all.get(userId).stream().filter(i -> t.contains(i.movieId())).toList();
                heldOut.put(userId, Set.of(inTargets.get(inTargets.size() - 1).movieId()));
            }
        });
        return new TrainingCut(history, targets, heldOut, cold, all);
    }
}
