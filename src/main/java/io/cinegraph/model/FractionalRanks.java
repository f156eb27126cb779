package io.cinegraph.model;

import io.cinegraph.domain.Sorted;

import java.util.Arrays;

/**
 * The fractional rank of each item when the scores are sorted descending (0-based): tied items share the mean of
 * their positions. So the movies a user's ratings say nothing about (score 0, most of the catalogue for a user with
 * a handful of ratings, all of it for a new user) get one neutral rank, not an arbitrary order. Built from one
 * primitive sort of the values; an item's rank is then two binary searches (every greater score precedes it, every
 * equal one shares its place), asked only for the items that need one.
 */
public final class FractionalRanks {

    private final double[] scores;
    private final double[] ascending;

    private FractionalRanks(double[] scores, double[] ascending) {
        this.scores = scores;
        this.ascending = ascending;
    }

    /** The ranks of {@code scores} (not copied: the array must not change afterwards). */
    public static FractionalRanks of(double[] scores) {
        double[] ascending = scores.clone();
        Arrays.sort(ascending);
        return new FractionalRanks(scores, ascending);
    }

    /** Item i's score. */
    public double score(int i) {
        return scores[i];
    }

    /**
     * The first {@code k} items by score descending, ties by the lower index ({@link Ranking#topByScore}), from the
     * sort these ranks already made.
     */
    public int[] top(int k) {
        return Ranking.topByScore(scores, ascending, k);
    }

    /** Item i's fractional rank. */
    public double rank(int i) {
        double x = scores[i];
        int below = Sorted.firstAtLeast(ascending, x);
        int upTo = Sorted.firstAbove(ascending, x, below);
        return (ascending.length - upTo) + (upTo - below - 1) / 2.0;
    }

    /** Every item's rank, in item order. */
    public double[] all() {
        double[] out = new double[scores.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = rank(i);
        }
        return out;
    }
}
