package io.cinegraph.ranker;

import io.cinegraph.signals.Feature;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the network's inputs mean: the dense feature names in order, and the vocabularies of the categorical
 * inputs (users of the ranking network — those whose embedding was trained —, users of the rating network,
 * movies, genres, genders, age bands, occupations). Index 0 of every categorical input is "unknown"
 * (a user, movie or value not seen in training). Stored with the model; a model whose dense features differ from
 * the code's is refused at load time.
 */
public record RankerSchema(List<String> denseFeatures, List<Long> users, List<Long> ratingUsers, List<Long> movies,
                           List<String> genres, List<String> genders,
                           List<Integer> ageBands, List<String> occupations) {

    /** The dense feature names the current code produces, in order. */
    public static List<String> currentDenseFeatures() {
        List<String> names = new ArrayList<>();
        Arrays.stream(Feature.values()).forEach(f -> names.add(f.key()));
        Arrays.stream(ModelFeature.values()).forEach(f -> names.add(f.key()));
        return List.copyOf(names);
    }

    public RankerSchema {
        denseFeatures = List.copyOf(denseFeatures);
        users = List.copyOf(users);
        ratingUsers = List.copyOf(ratingUsers);
        movies = List.copyOf(movies);
        genres = List.copyOf(genres);
        genders = List.copyOf(genders);
        ageBands = List.copyOf(ageBands);
        occupations = List.copyOf(occupations);
    }

    /** Fails with a clear message when the stored feature schema is not the one this code computes. */
    public void requireCurrent(String where) {
        List<String> current = currentDenseFeatures();
        if (!current.equals(denseFeatures)) {
            throw new ModelException("The model in " + where + " was trained on features " + denseFeatures
                    + " but this version of CineGraph computes " + current + "; retrain it (cinegraph train).");
        }
    }

    /**
     * The movie-embedding slot of every row of a user without ratings (after the movies; slot 0 is the unknown,
     * i.e. new, movie).
     */
    int newUserMovieSlot() {
        return movies.size() + 1;
    }

    int denseSize() {
        return denseFeatures.size();
    }

    int demographicsSize() {
        return genders.size() + 1 + ageBands.size() + 1 + occupations.size() + 1;
    }

    /** Lookup tables built once per loaded model. */
    public Indexes indexes() {
        return new Indexes(this);
    }

    /** Each vocabulary as value → input index (0 = unknown). */
    public static final class Indexes {
        final Map<Long, Integer> user = new HashMap<>();
        final Map<Long, Integer> ratingUser = new HashMap<>();
        final Map<Long, Integer> movie = new HashMap<>();
        final Map<String, Integer> genre = new HashMap<>();
        final Map<String, Integer> gender = new HashMap<>();
        final Map<Integer, Integer> ageBand = new HashMap<>();
        final Map<String, Integer> occupation = new HashMap<>();

        /** Whether the user has an embedding of their own in the ranking network. */
        public boolean embedded(long userId) {
            return user.containsKey(userId);
        }

        /** The rating network's user index: user id → input index. */
        public Map<Long, Integer> ratingUsers() {
            return java.util.Collections.unmodifiableMap(ratingUser);
        }

        private Indexes(RankerSchema s) {
            index(s.users, 1, user);
            index(s.ratingUsers, 1, ratingUser);
            index(s.movies, 1, movie);
            index(s.genres, 0, genre);
            index(s.genders, 1, gender);
            index(s.ageBands, 1, ageBand);
            index(s.occupations, 1, occupation);
        }

        /** Value i of the vocabulary gets input index first + i (index 0 is "unknown" where first is 1). */
        private static <T> void index(List<T> values, int first, Map<T, Integer> into) {
            for (int i = 0; i < values.size(); i++) {
                into.put(values.get(i), first + i);
            }
        }
    }
}
