package io.cinegraph.model;

/**
 * An item × item model over a catalogue of {@link #items()} items: a user's score of item j is the sum, over
 * the items i the user interacted with, of the weight from i to j. EASE, item-kNN cosine and the ranker's
 * item-to-item index all score this way.
 */
public interface ItemItemWeights {

    int items();

    /** Adds the weights from {@code item} (a user's item) to every catalogue item into {@code scores}. */
    void addRow(int item, double[] scores);

    /** Scores over the catalogue for a user who interacted with {@code items} (catalogue indexes). */
    default double[] scoresOf(int[] items) {
        double[] scores = new double[items()];
        for (int i : items) {
            addRow(i, scores);
        }
        return scores;
    }
}
