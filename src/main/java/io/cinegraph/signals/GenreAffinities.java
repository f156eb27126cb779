package io.cinegraph.signals;

import io.cinegraph.graph.SignalsRepository.Preference;
import io.cinegraph.graph.SignalsRepository.Preferences;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Genre priors and every user's genre affinities, computed in memory from the {@link RatingTable}, with the formulas
 * of {@code cypher/signals/genre_affinity.cypher} (which refreshes one user on demand; a test holds the two to the
 * same PREFERS): deviations d = r − μ_u; a genre's prior p_g is the mean d over the ratings of its movies; a user's
 * affinity is (Σ d over their ratings in g + λ·p_g) / (n_ug + λ), support n_ug. One pass over the ratings.
 */
final class GenreAffinities {

    private final RatingTable table;
    private final String[] genres;
    /** Genre indexes of each movie index. */
    private final int[][] movieGenres;
    private final double[] means;
    private final double[] priors;
    private final long[] supports;
    private final int[] userStart;
    private final int[] byUser;
    private final double shrinkage;

    private GenreAffinities(RatingTable table, Map<Long, List<String>> genresOfMovie, double shrinkage) {
        this.table = table;
        this.shrinkage = shrinkage;
        TreeSet<String> names = new TreeSet<>();
        genresOfMovie.values().forEach(names::addAll);
        genres = names.toArray(String[]::new);
        movieGenres = new int[table.movieIds.length][];
        for (int m = 0; m < movieGenres.length; m++) {
            movieGenres[m] = genresOfMovie.getOrDefault(table.movieIds[m], List.of()).stream()
                    .distinct().mapToInt(g -> Arrays.binarySearch(genres, g)).toArray();
        }
        means = table.userMeans();
        double[] sums = new double[genres.length];
        supports = new long[genres.length];
        for (int r = 0; r < table.size(); r++) {
            double d = table.rating[r] - means[table.user[r]];
            for (int g : movieGenres[table.movie[r]]) {
                sums[g] += d;
                supports[g]++;
            }
        }
        priors = new double[genres.length];
        for (int g = 0; g < genres.length; g++) {
            priors[g] = supports[g] == 0 ? 0.0 : sums[g] / supports[g];
        }
        userStart = table.userStart;
        byUser = table.byUser;
    }

    /** From the ratings and each movie's genres (movies absent from the map have none); λ = {@code shrinkage}. */
    static GenreAffinities compute(RatingTable table, Map<Long, List<String>> genresOfMovie, double shrinkage) {
        return new GenreAffinities(table, genresOfMovie, shrinkage);
    }

    /** Each genre's prior p_g (genres no rating reaches: 0). */
    Map<String, Double> priors() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int g = 0; g < genres.length; g++) {
            out.put(genres[g], priors[g]);
        }
        return out;
    }

    /** How many ratings fall in each genre. */
    Map<String, Long> supports() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (int g = 0; g < genres.length; g++) {
            out.put(genres[g], supports[g]);
        }
        return out;
    }

    /** Each user's affinities, one per genre they rated (none for a user without ratings), genres by name. */
    List<Preferences> of(List<Long> users) {
        List<Preferences> out = new ArrayList<>(users.size());
        double[] sums = new double[genres.length];
        long[] counts = new long[genres.length];
        for (long id : users) {
            int u = Arrays.binarySearch(table.userIds, id);
            List<Preference> prefs = new ArrayList<>();
            if (u >= 0) {
                Arrays.fill(sums, 0);
                Arrays.fill(counts, 0);
                for (int i = userStart[u]; i < userStart[u + 1]; i++) {
                    int r = byUser[i];
                    double d = table.rating[r] - means[u];
                    for (int g : movieGenres[table.movie[r]]) {
                        sums[g] += d;
                        counts[g]++;
                    }
                }
                for (int g = 0; g < genres.length; g++) {
                    if (counts[g] > 0) {
                        prefs.add(new Preference(genres[g], (sums[g] + shrinkage * priors[g]) / (counts[g] + shrinkage),
                                counts[g]));
                    }
                }
            }
            out.add(new Preferences(id, prefs));
        }
        return out;
    }
}
