package io.cinegraph.domain;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The one rule for the genres a user states at sign-up, where a user with ratings is made to look like one
 * (training's cold users, the evaluation's sign-up protocol): their {@link #STATED} most frequent genres among
 * the movies they rated at least their own mean rating. The mean, not a fixed number of stars, so that the
 * rule holds on every rating scale (whole or half stars, any range).
 */
public final class LikedGenres {

    /** How many genres a sign-up states. */
    public static final int STATED = 3;

    private LikedGenres() {
    }

    /** The genres the user would state, most frequent first (ties by name); {@code genresOf} may answer null. */
    public static List<String> of(List<Interaction> ratings, Function<Long, List<String>> genresOf) {
        double mean = ratings.stream().mapToDouble(Interaction::rating).average().orElse(0);
        Map<String, Integer> liked = new TreeMap<>();
        for (Interaction i : ratings) {
            List<String> genres = genresOf.apply(i.movieId());
            if (genres != null && i.rating() >= mean) {
                genres.forEach(g -> liked.merge(g, 1, Integer::sum));
            }
        }
        return mostFrequent(liked, STATED);
    }

    /** The {@code n} genres with the highest counts, most frequent first (ties by name). */
    public static List<String> mostFrequent(Map<String, Integer> genreCounts, int n) {
        return genreCounts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(n).map(Map.Entry::getKey).toList();
    }
}
