package io.cinegraph.signals;

import io.cinegraph.graph.SignalsRepository;
import io.cinegraph.graph.SignalsRepository.ContentRow;
import io.cinegraph.graph.SignalsRepository.ContentSimilar;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Content similarity for sparsely rated movies, computed in memory from one bulk read of every movie's genres,
 * year, rating count and tags (compact sorted id arrays), then written back in batches:
 * score(i, j) = jaccard(genres) · exp(−|Δyear| / yearScale) · (1 + jaccard(tags)) / 2 over the movies j that share a
 * genre with i (a missing year counts as no gap); the k best, ties by more ratings, then lower id. Each movie costs
 * one pass over the catalogue's small arrays instead of a graph traversal per pair.
 */
final class ContentSimilarity {

    private final long[] ids;
    private final int[][] genres;
    private final int[][] tags;
    private final int[] years;
    private final boolean[] hasYear;
    private final long[] ratingCounts;
    private final Map<Long, Integer> index = new HashMap<>();

    private ContentSimilarity(List<ContentRow> rows) {
        int n = rows.size();
        ids = new long[n];
        genres = new int[n][];
        tags = new int[n][];
        years = new int[n];
        hasYear = new boolean[n];
        ratingCounts = new long[n];
        Map<String, Integer> genreIds = new HashMap<>();
        Map<String, Integer> tagIds = new HashMap<>();
        for (int i = 0; i < n; i++) {
            ContentRow r = rows.get(i);
            ids[i] = r.movieId();
            index.put(r.movieId(), i);
            genres[i] = sortedIds(r.genres(), genreIds);
            tags[i] = sortedIds(r.tags(), tagIds);
            hasYear[i] = r.year() != null;
            years[i] = r.year() == null ? 0 : r.year();
            ratingCounts[i] = r.ratingCount();
        }
    }

    /** Every movie's content, read in one pass. */
    static ContentSimilarity read(SignalsRepository repository) {
        List<ContentRow> rows = new ArrayList<>();
        repository.contentFeatures(rows::add);
        return new ContentSimilarity(rows);
    }

    /** The new content-similar lists of these movies: empty for a movie with at least {@code minRatings} ratings. */
    List<ContentSimilar> of(List<Long> movieIds, int k, int minRatings, double yearScale) {
        List<ContentSimilar> out = new ArrayList<>(movieIds.size());
        for (long movieId : movieIds) {
            Integer i = index.get(movieId);
            out.add(new ContentSimilar(movieId, i == null || k <= 0 || ratingCounts[i] >= minRatings ? List.of()
                    : best(i, k, yearScale)));
        }
        return out;
    }

    private List<Map.Entry<Long, Double>> best(int i, int k, double yearScale) {
        // worst first: lower score, then fewer ratings, then higher id
        Comparator<double[]> worstFirst = Comparator.<double[]>comparingDouble(c -> c[1])
                .thenComparingLong(c -> ratingCounts[(int) c[0]]).thenComparing(c -> -ids[(int) c[0]]);
        PriorityQueue<double[]> top = new PriorityQueue<>(k + 1, worstFirst);
        for (int j = 0; j < ids.length; j++) {
            int shared = j == i ? 0 : intersection(genres[i], genres[j]);
            if (shared == 0) {
                continue;
            }
            double genreJaccard = (double) shared / (genres[i].length + genres[j].length - shared);
            int gap = hasYear[i] && hasYear[j] ? Math.abs(years[i] - years[j]) : 0;
            int sharedTags = intersection(tags[i], tags[j]);
            int tagUnion = tags[i].length + tags[j].length - sharedTags;
            double tagJaccard = tagUnion == 0 ? 0.0 : (double) sharedTags / tagUnion;
            double score = genreJaccard * Math.exp(-(double) gap / yearScale) * (1 + tagJaccard) / 2;
            double[] candidate = {j, score};
            if (top.size() < k) {
                top.add(candidate);
            } else if (worstFirst.compare(candidate, top.peek()) > 0) {
                top.poll();
                top.add(candidate);
            }
        }
        List<double[]> kept = new ArrayList<>(top);
        kept.sort(worstFirst.reversed());
        List<Map.Entry<Long, Double>> out = new ArrayList<>(kept.size());
        kept.forEach(c -> out.add(new AbstractMap.SimpleImmutableEntry<>(ids[(int) c[0]], c[1])));
        return out;
    }

    /** How many ids two ascending arrays share. */
    private static int intersection(int[] a, int[] b) {
        int shared = 0;
        for (int x = 0, y = 0; x < a.length && y < b.length; ) {
            if (a[x] == b[y]) {
                shared++;
                x++;
                y++;
            } else if (a[x] < b[y]) {
                x++;
            } else {
                y++;
            }
        }
        return shared;
    }

    private static int[] sortedIds(List<String> names, Map<String, Integer> ids) {
        int[] out = names.stream().distinct().mapToInt(name -> ids.computeIfAbsent(name, x -> ids.size())).toArray();
        Arrays.sort(out);
        return out;
    }
}
