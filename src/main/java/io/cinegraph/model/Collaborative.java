package io.cinegraph.model;

import io.cinegraph.domain.Interaction;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The item-to-item part of the ranker's input, fitted on a set of ratings (as implicit interactions): EASE
 * weights and item-kNN cosine similarities over the catalogue of the {@code maxItems} most-rated movies (both
 * are dense item × item matrices, so the catalogue is capped; other movies score 0), and how often movies are
 * rated in the same session (see {@link Sessions}). Immutable once fitted; written into the model artefact so that
 * serving scores exactly as the evaluated model did.
 */
public final class Collaborative {

    /** How many single-precision rows are summed before their partial sum joins the double-precision scores. */
    static final int ROWS_PER_PARTIAL_SUM = 32;

    private final long[] movieIds;
    private final Map<Long, Integer> index;
    private final float[][] ease;
    private final float[][] cosine;
    private final Sessions sessions;

    private Collaborative(long[] movieIds, float[][] ease, float[][] cosine, Sessions sessions) {
        this.movieIds = movieIds;
        this.ease = ease;
        this.cosine = cosine;
        this.sessions = sessions;
        this.index = new HashMap<>(movieIds.length * 2);
        for (int i = 0; i < movieIds.length; i++) {
            index.put(movieIds[i], i);
        }
    }

    /** What the index is fitted with: catalogue cap, EASE λ, kNN k (also the sessions' partners) and session gap. */
    public record Settings(int maxItems, double easeLambda, int knnK, long sessionGapSeconds) {
    }

    public static Collaborative fit(Collection<Interaction> ratings, Settings settings) {
        Map<Long, Long> counts = ratings.stream().collect(Collectors.groupingBy(Interaction::movieId, Collectors.counting()));
        java.util.Set<Long> top = topMovies(counts, settings.maxItems());
        List<Interaction> kept = ratings.stream().filter(i -> top.contains(i.movieId())).toList();
        TrainingData data = new TrainingData(kept, kept);
        long[] ids = new long[data.items()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = data.itemId(i);
        }
        return new Collaborative(ids, Ease.fit(data, settings.easeLambda()).toFloat(),
                ItemKnnCosine.fit(data, settings.knnK()).toFloat(),
                Sessions.fit(kept, data::itemIndex, ids.length, settings.sessionGapSeconds(), settings.knnK()));
    }

    /** The ids of the {@code max} most-rated movies (ties by id). */
    private static java.util.Set<Long> topMovies(Map<Long, Long> counts, int max) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<Long, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(max).map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    public int items() {
        return movieIds.length;
    }

    public long movieId(int item) {
        return movieIds[item];
    }

    /** The catalogue index of a movie, or −1 when it is outside the catalogue. */
    public int indexOf(long movieId) {
        Integer i = index.get(movieId);
        return i == null ? -1 : i;
    }

    /** EASE scores over the catalogue for a user who interacted with {@code items} (catalogue indexes). */
    public double[] ease(int[] items) {
        return sumOfRows(ease, items);
    }

    /** Item-kNN cosine scores over the catalogue for a user who interacted with {@code items}. */
    public double[] cosine(int[] items) {
        return sumOfRows(cosine, items);
    }

    /** The cosine similarity of two catalogue items (0 outside each other's k nearest). */
    public double cosine(int from, int to) {
        return cosine[from][to];
    }

    /** The longest gap, in seconds, between two ratings of one session. */
    public long sessionGapSeconds() {
        return sessions.gapSeconds();
    }

    /**
     * Session scores over the catalogue for a user whose latest session holds {@code items} (catalogue indexes):
     * the mean over those items of the share of each movie in their sessions.
     */
    public double[] session(int[] items) {
        return sessions.scores(items, movieIds.length);
    }

    /** The EASE weight from catalogue item {@code from} to {@code to}. */
    public double easeWeight(int from, int to) {
        return ease[from][to];
    }

    /**
     * The sum of the rows {@code items} of a single-precision weight matrix: a user's item-item scores. The rows are
     * summed in single precision {@value #ROWS_PER_PARTIAL_SUM} at a time and those partial sums in double: the JIT
     * vectorises a float sum but not a double sum of floats (JDK 17), which made this the largest cost of a ranking
     * (4× slower); the scores differ from an all-double sum by about 1e-7 of their size.
     */
    private double[] sumOfRows(float[][] weights, int[] items) {
        int n = movieIds.length;
        double[] scores = new double[n];
        float[] partial = new float[n];
        for (int start = 0; start < items.length; start += ROWS_PER_PARTIAL_SUM) {
            java.util.Arrays.fill(partial, 0f);
            for (int k = start; k < Math.min(items.length, start + ROWS_PER_PARTIAL_SUM); k++) {
                float[] row = weights[items[k]];
                for (int j = 0; j < n; j++) {
                    partial[j] += row[j];
                }
            }
            for (int j = 0; j < n; j++) {
                scores[j] += partial[j];
            }
        }
        return scores;
    }

    public void write(DataOutputStream out) throws IOException {
        out.writeInt(movieIds.length);
        for (long id : movieIds) {
            out.writeLong(id);
        }
        for (float[][] m : new float[][][]{ease, cosine}) {
            for (float[] row : m) {
                for (float v : row) {
                    out.writeFloat(v);
                }
            }
        }
        sessions.write(out);
    }

    public static Collaborative read(DataInputStream in) throws IOException {
        int n = in.readInt();
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = in.readLong();
        }
        float[][][] m = new float[2][n][n];
        for (float[][] matrix : m) {
            for (float[] row : matrix) {
                for (int j = 0; j < n; j++) {
                    row[j] = in.readFloat();
                }
            }
        }
        return new Collaborative(ids, m[0], m[1], Sessions.read(in));
    }
}
