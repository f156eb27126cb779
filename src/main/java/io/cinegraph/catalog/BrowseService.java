package io.cinegraph.catalog;

import io.cinegraph.domain.AgeBands;
import io.cinegraph.domain.GenreCount;
import io.cinegraph.graph.CatalogRepository;
import io.cinegraph.signals.SignalSnapshot;
import io.cinegraph.signals.SignalSnapshots;
import io.cinegraph.signals.SignalsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Browsing the catalogue from the in-memory signal snapshot: title search (every word of the query, case- and
 * accent-insensitive), and the most popular movies overall or within a demographic cohort.
 */
@ApplicationScoped
public class BrowseService {

    @Inject SignalSnapshots snapshots;
    @Inject CatalogRepository repository;
    @Inject SignalsConfig config;

    /** A movie in a list: identity, genres, rating count and Bayesian mean rating. */
    public record MovieSummary(long movieId, String title, Integer year, List<String> genres, long ratingCount,
                               Double bayesMean) {
    }

    /** A page of a longer list; {@code page} counts from 0. */
    public record Page<T>(int page, int size, long total, List<T> items) {
    }

    /** A movie popular with a cohort: its ratings and Bayesian mean rating there. */
    public record Popular(MovieSummary movie, long cohortRatings, double cohortMean) {
    }

    public List<GenreCount> genres() {
        return repository.genres();
    }

    /** Title search; movies without a match in every word are left out; most-rated first. */
    public Page<MovieSummary> search(String query, String genre, int page, int size) {
        SignalSnapshot snapshot = snapshots.current();
        String[] words = query == null ? new String[0] : fold(query).split("\\s+");
        List<MovieSummary> hits = new ArrayList<>();
        for (long movieId : snapshot.movieIds()) {
            SignalSnapshot.MovieSignals m = snapshot.movie(movieId);
            String title = m.title() == null ? "" : fold(m.title());
            boolean match = true;
            for (String w : words) {
                match &= w.isEmpty() || title.contains(w);
            }
            if (match && (genre == null || hasGenre(m, genre))) {
                hits.add(summary(movieId, m));
            }
        }
        hits.sort(Comparator.comparingLong(MovieSummary::ratingCount).reversed().thenComparingLong(MovieSummary::movieId));
        int from = (int) Math.min((long) page * size, hits.size());
        return new Page<>(page, size, hits.size(), List.copyOf(hits.subList(from, Math.min(hits.size(), from + size))));
    }

    /**
     * The most-rated movies of the cohort the parameters describe (gender, age, occupation, as the cohort
     * signal defines them; without a gender, both genders' figures are added), then by the cohort's Bayesian mean.
     */
    public List<Popular> popular(String genre, Integer age, String gender, String occupation, int limit) {
        SignalSnapshot snapshot = snapshots.current();
        Integer band = age == null ? null : AgeBands.of(age);
        List<String> keys = new ArrayList<>();
        for (String g : gender == null ? List.of("M", "F") : List.of(gender)) {
            int level = band == null ? (gender == null ? 0 : 1) : occupation == null ? 2 : 3;
            String key = SignalSnapshot.cohortKey(level, g, band, occupation);
            if (key != null && !keys.contains(key)) {
                keys.add(key);
            }
        }
        Map<Long, long[]> counts = new java.util.HashMap<>();
        Map<Long, Double> totals = new java.util.HashMap<>();
        for (String key : keys) {
            snapshot.cohortMovies(key).forEach((movieId, stat) -> {
                counts.computeIfAbsent(movieId, k -> new long[1])[0] += stat.ratings();
                totals.merge(movieId, stat.total(), Double::sum);
            });
        }
        double mu = snapshot.global().globalMean();
        double prior = config.popularityPriorWeight();
        List<Popular> out = new ArrayList<>();
        counts.forEach((movieId, n) -> {
            SignalSnapshot.MovieSignals m = snapshot.movie(movieId);
            if (m != null && n[0] > 0 && (genre == null || hasGenre(m, genre))) {
                out.add(new Popular(summary(movieId, m), n[0], (prior * mu + totals.get(movieId)) / (prior + n[0])));
            }
        });
        out.sort(Comparator.comparingLong(Popular::cohortRatings).reversed()
                .thenComparing(Comparator.comparingDouble(Popular::cohortMean).reversed())
                .thenComparingLong(p -> p.movie().movieId()));
        return List.copyOf(out.subList(0, Math.min(limit, out.size())));
    }

    private static boolean hasGenre(SignalSnapshot.MovieSignals m, String genre) {
        return m.genres().stream().anyMatch(g -> g.equalsIgnoreCase(genre));
    }

    private static MovieSummary summary(long movieId, SignalSnapshot.MovieSignals m) {
        return new MovieSummary(movieId, m.title(), m.year(), m.genres(), m.ratingCount(), m.bayesMean());
    }

    /** Lower case without accents: "Amélie" → "amelie". */
    static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).strip();
    }
}
