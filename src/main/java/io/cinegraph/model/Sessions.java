package io.cinegraph.model;

import io.cinegraph.domain.Interaction;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Which movies are rated in the same session. A user's ratings, oldest first, form one session as long as no
 * two consecutive ones are more than {@code gapSeconds} apart. Each session of s movies adds 1/s to every pair of
 * its movies, so that one long session does not outweigh many short ones; sessions longer than {@link #MAX_SPAN}
 * pair each movie with the {@code MAX_SPAN / 2} rated before and after it only. Row i is then divided by its
 * total + 1: the share of movie j among the movies rated in sessions with i, shrunk for rarely rated movies. Each
 * movie keeps its {@code k} strongest partners.
 *
 * <p>The signal is what the user is rating right now: people rate movies in bursts (a page of titles, one
 * franchise, one evening's catch-up), and the next movie they rate tends to be one that others rated in the same
 * burst as the ones they just rated. The ordering of ratings that share a timestamp plays no part: a session is a
 * set.
 */
public final class Sessions {

    static final int MAX_SPAN = 100;

    private final long gapSeconds;
    private final int[][] partners;
    private final float[][] weights;

    private Sessions(long gapSeconds, int[][] partners, float[][] weights) {
        this.gapSeconds = gapSeconds;
        this.partners = partners;
        this.weights = weights;
    }

    public static Sessions fit(Collection<Interaction> ratings, Function<Long, Integer> itemIndex, int items, long gapSeconds,
                        int k) {
        Map<Long, List<Interaction>> byUser = new TreeMap<>();
        ratings.forEach(i -> byUser.computeIfAbsent(i.userId(), u -> new ArrayList<>()).add(i));
        float[][] together = new float[items][items];
        for (List<Interaction> own : byUser.values()) {
            own.sort(Interaction.CHRONOLOGICAL);
            int from = 0;
            for (int r = 1; r <= own.size(); r++) {
                if (r == own.size() || own.get(r).timestamp() - own.get(r - 1).timestamp() > gapSeconds) {
                    addSession(own.subList(from, r), itemIndex, together);
                    from = r;
                }
            }
        }
        int[][] partners = new int[items][];
        float[][] weights = new float[items][];
        for (int i = 0; i < items; i++) {
            float[] row = together[i];
            double total = 0;
            List<Integer> nonZero = new ArrayList<>();
            for (int j = 0; j < items; j++) {
                if (row[j] > 0) {
                    total += row[j];
                    nonZero.add(j);
                }
            }
            nonZero.sort((p, q) -> row[p] != row[q] ? Float.compare(row[q], row[p]) : Integer.compare(p, q));
            int kept = Math.min(k, nonZero.size());
            partners[i] = new int[kept];
            weights[i] = new float[kept];
            for (int n = 0; n < kept; n++) {
                partners[i][n] = nonZero.get(n);
                weights[i][n] = (float) (row[nonZero.get(n)] / (total + 1));
            }
            together[i] = null;
        }
        return new Sessions(gapSeconds, partners, weights);
    }

    private static void addSession(List<Interaction> session, Function<Long, Integer> itemIndex, float[][] together) {
        int s = session.size();
        if (s < 2) {
            return;
        }
        int[] items = session.stream().mapToInt(i -> itemIndex.apply(i.movieId())).toArray();
        int span = Math.min(s - 1, MAX_SPAN / 2);
        float w = 1f / Math.min(s, MAX_SPAN);
        for (int a = 0; a < s; a++) {
            for (int b = a + 1; b <= Math.min(s - 1, a + span); b++) {
                if (items[a] != items[b]) {
                    together[items[a]][items[b]] += w;
                    together[items[b]][items[a]] += w;
                }
            }
        }
    }

    public long gapSeconds() {
        return gapSeconds;
    }

    /** The mean over {@code items} of their rows, over a catalogue of {@code size} movies (zeros without items). */
    public double[] scores(int[] items, int size) {
        double[] s = new double[size];
        for (int i : items) {
            for (int n = 0; n < partners[i].length; n++) {
                s[partners[i][n]] += weights[i][n];
            }
        }
        if (items.length > 1) {
            for (int j = 0; j < size; j++) {
                s[j] /= items.length;
            }
        }
        return s;
    }

    public void write(DataOutputStream out) throws IOException {
        out.writeLong(gapSeconds);
        out.writeInt(partners.length);
        for (int i = 0; i < partners.length; i++) {
            out.writeInt(partners[i].length);
            for (int n = 0; n < partners[i].length; n++) {
                out.writeInt(partners[i][n]);
                out.writeFloat(weights[i][n]);
            }
        }
    }

    public static Sessions read(DataInputStream in) throws IOException {
        long gap = in.readLong();
        int items = in.readInt();
        int[][] partners = new int[items][];
        float[][] weights = new float[items][];
        for (int i = 0; i < items; i++) {
            int n = in.readInt();
            partners[i] = new int[n];
            weights[i] = new float[n];
            for (int p = 0; p < n; p++) {
                partners[i][p] = in.readInt();
                weights[i][p] = in.readFloat();
            }
        }
        return new Sessions(gap, partners, weights);
    }
}
