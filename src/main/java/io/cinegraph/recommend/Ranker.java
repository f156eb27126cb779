package io.cinegraph.recommend;

import io.cinegraph.domain.Explanation;
import io.cinegraph.domain.UserSide;
import io.cinegraph.signals.SignalSnapshot;

import java.util.List;

/**
 * The second stage of serving: orders a user's candidates. The trained neural model ({@link NeuralRanker}) and,
 * while no model is active, the named fallback ({@link PopularityFallback}).
 */
public interface Ranker {

    /** What ranks: a model version, or the fallback's name. */
    String version();

    /** True for the fallback that serves while no model is active. */
    boolean fallback();

    /** The user's movies best first (never one they rated), each with who proposed it and, if known, why. */
    List<Item> rank(Request request);

    /** Predicted stars of the movies, in their order. */
    double[] stars(Request request, long[] movieIds);

    /** Why a movie that came with no explanation of its own was ranked for the user. */
    Explanation explain(Request request, long movieId);

    /**
     * One user's ranking request: their side of the features (with what they stated at sign-up, while new), the
     * graph generators' candidates, and the signal snapshot.
     */
    record Request(long userId, UserSide side, Proposed proposed, SignalSnapshot snapshot) {
    }

    /**
     * A ranked movie: score, the candidate sources that proposed it, and the source whose candidate's explanation it
     * carries (null: ask {@link #explain}).
     */
    record Item(long movieId, double score, List<String> sources, String explainedBy) {
    }
}
