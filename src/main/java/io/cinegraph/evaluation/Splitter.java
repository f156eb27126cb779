package io.cinegraph.evaluation;

import io.cinegraph.domain.Interaction;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An offline protocol: how interactions are divided into training and test. Deterministic. */
public interface Splitter {

    Split split(Collection<Interaction> interactions);

    /** Each user's last rating is the test item (the NCF protocol); users with one rating only train. */
    static Splitter leaveLastOut() {
        return interactions -> perUser("leave-last-out", interactions, n -> n > 1 ? 1 : 0);
    }

    /** Each user's last ⌈fraction · n⌉ ratings (at least 1, and never all of them) are test. */
    static Splitter lastFraction(double fraction) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("the test fraction must be between 0 and 1, got " + fraction);
        }
        return interactions -> perUser("last-fraction", interactions,
                n -> n > 1 ? Math.min(n - 1, Math.max(1, (int) Math.ceil(fraction * n))) : 0);
    }

    /**
     * One global time cut: the latest {@code fraction} of all ratings (by timestamp, then user, then movie) are
     * test; test ratings of users with no training rating are dropped (nothing to recommend from).
     */
    static Splitter temporal(double fraction) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("the test fraction must be between 0 and 1, got " + fraction);
        }
        return interactions -> {
            List<Interaction> all = new ArrayList<>(interactions);
            all.sort(java.util.Comparator.comparingLong(Interaction::timestamp)
                    .thenComparingLong(Interaction::userId).thenComparingLong(Interaction::movieId));
            int cut = all.size() - (int) Math.ceil(fraction * all.size());
            List<Interaction> train = List.copyOf(all.subList(0, cut));
            java.util.Set<Long> known = new java.util.HashSet<>();
            train.forEach(i -> known.add(i.userId()));
            List<Interaction> test = all.subList(cut, all.size()).stream().filter(i -> known.contains(i.userId())).toList();
            return new Split("temporal", train, test);
        };
    }

    /**
     * Cold start: a seeded {@code userFraction} of the users with more than {@code keep} ratings keep only their
     * first {@code keep} ratings (chronologically) in training, and the rest of their ratings are test; every
     * other rating trains. Only those users are evaluated.
     */
    static Splitter coldStart(double userFraction, int keep, long seed) {
        if (!(userFraction > 0 && userFraction <= 1) || keep < 1) {
            throw new IllegalArgumentException("cold start needs a user fraction in (0, 1] and at least 1 kept rating");
        }
        return interactions -> {
            java.util.TreeMap<Long, List<Interaction>> byUser = new java.util.TreeMap<>();
            interactions.forEach(i -> byUser.computeIfAbsent(i.userId(), k -> new ArrayList<>()).add(i));
            java.util.Random random = new java.util.Random(seed);
            List<Interaction> train = new ArrayList<>();
            List<Interaction> test = new ArrayList<>();
            for (List<Interaction> ratings : byUser.values()) {
                ratings.sort(Interaction.CHRONOLOGICAL);
                boolean cold = random.nextDouble() < userFraction && ratings.size() > keep;
                int cut = cold ? keep : ratings.size();
                train.addAll(ratings.subList(0, cut));
                test.addAll(ratings.subList(cut, ratings.size()));
            }
            return new Split("cold-start", List.copyOf(train), List.copyOf(test));
        };
    }

    private static Split perUser(String protocol, Collection<Interaction> interactions,
                                 java.util.function.IntUnaryOperator testCount) {
        Map<Long, List<Interaction>> byUser = new LinkedHashMap<>();
        interactions.stream().sorted(java.util.Comparator.comparingLong(Interaction::userId))
                .forEach(i -> byUser.computeIfAbsent(i.userId(), k -> new ArrayList<>()).add(i));
        List<Interaction> train = new ArrayList<>();
        List<Interaction> test = new ArrayList<>();
        for (List<Interaction> ratings : byUser.values()) {
            ratings.sort(Interaction.CHRONOLOGICAL);
            int n = ratings.size();
            int held = testCount.applyAsInt(n);
            train.addAll(ratings.subList(0, n - held));
            test.addAll(ratings.subList(n - held, n));
        }
        return new Split(protocol, List.copyOf(train), List.copyOf(test));
    }
}
