package io.cinegraph.ranker;

import io.cinegraph.domain.UserSide;
import io.cinegraph.model.Collaborative;
import io.cinegraph.model.Ranking;
import io.cinegraph.signals.FeatureExtractor;
import io.cinegraph.signals.FeatureVector;
import io.cinegraph.signals.SignalSnapshot;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A trained ranker: the ranking network with its normalizer, the rating model, the item-to-item index and the
 * schema, plus metadata. Immutable; scoring is thread-safe: DL4J trains the network, and serving runs its forward
 * pass through {@link Forward} (the weights read once into EJML matrices, the dense products through OpenBLAS on plain arrays; no DL4J or ND4J code per request).
 */
public final class RankerModel {

    /**
     * Users with fewer ratings than this are still new: they get no embedding of their own in training, and the
     * genres and movies they liked at sign-up are part of their side of the features (as for the cold users the
     * network is trained on).
     */
    public static final int STATED_PREFERENCES_BELOW = 10;

    private final ModelInfo info;
    private final RankerSchema schema;
    private final RankerSchema.Indexes indexes;
    private final TrainedNetwork ranking;
    private final Collaborative collaborative;
    private final RatingModel ratings;
    private final int userEmbeddingSize;

    public RankerModel(ModelInfo info, RankerSchema schema, ComputationGraph network, NormalizerStandardize normalizer,
                Collaborative collaborative, RatingModel ratings) {
        this(info, schema, TrainedNetwork.of(network, normalizer), collaborative, ratings);
    }

    RankerModel(ModelInfo info, RankerSchema schema, TrainedNetwork ranking, Collaborative collaborative,
                RatingModel ratings) {
        this.info = info;
        this.schema = schema;
        this.indexes = schema.indexes();
        this.ranking = ranking;
        this.collaborative = collaborative;
        this.ratings = ratings;
        this.userEmbeddingSize = Networks.userEmbeddingSize(ranking.network());
    }

    public ModelInfo info() {
        return info;
    }

    public RankerSchema schema() {
        return schema;
    }

    public RankerModel withInfo(ModelInfo newInfo) {
        return new RankerModel(newInfo, schema, ranking, collaborative, ratings);
    }

    public Collaborative collaborative() {
        return collaborative;
    }

    RankerSchema.Indexes indexes() {
        return indexes;
    }

    TrainedNetwork ranking() {
        return ranking;
    }

    RatingModel ratings() {
        return ratings;
    }

    /** A ranked movie and its ranking score in (0, 1). */
    public record Scored(long movieId, double score) {
    }

    /**
     * Scores the union of the model's own candidates (EASE, cosine, recent popularity) and {@code extra} (e.g. the
     * graph generators'), minus the movies the user rated, in one batched forward pass; best first.
     */
    public List<Scored> rank(long userId, UserSide request, Collection<Long> extra,
                             SignalSnapshot snapshot, FeatureExtractor extractor, RankerConfig config, int historySize) {
        return rank(RankerInputs.context(userId, request, snapshot, collaborative, historySize), extra, snapshot,
                extractor, config);
    }

    /** As {@link #rank(long, UserSide, Collection, SignalSnapshot, FeatureExtractor, RankerConfig, int)}, for a context already built. */
    public List<Scored> rank(RankerInputs.UserContext context, Collection<Long> extra, SignalSnapshot snapshot,
                             FeatureExtractor extractor, RankerConfig config) {
        Set<Long> candidates = new LinkedHashSet<>(RankerInputs.candidates(context, snapshot, collaborative, config));
        extra.stream().filter(m -> !context.rated().contains(m)).forEach(candidates::add);
        return score(context, List.copyOf(candidates), snapshot, extractor);
    }

    /** Scores exactly the given movies for the user (rated ones included), best first. */
    public List<Scored> score(RankerInputs.UserContext context, List<Long> movies, SignalSnapshot snapshot,
                              FeatureExtractor extractor) {
        List<FeatureVector> vectors = extractor.extract(context.request(), movies, snapshot);
        RankerInputs.Rows rows = RankerInputs.rows(context, vectors, snapshot, collaborative, schema, indexes);
        float[] scores = score(rows);
        List<Scored> out = new ArrayList<>(rows.size());
        for (int r : Ranking.byScore(scores, rows.movieIds())) {
            out.add(new Scored(rows.movieIds()[r], scores[r]));
        }
        return out;
    }

    /** The user's context (time, history, item-to-item scores) for this model. */
    public RankerInputs.UserContext context(long userId, UserSide request, SignalSnapshot snapshot,
                                            int historySize) {
        return RankerInputs.context(userId, request, snapshot, collaborative, historySize);
    }

    /** Item-kNN cosine between two movies of the catalogue (0 when either is outside it). */
    public double cosine(long fromMovie, long toMovie) {
        int from = collaborative.indexOf(fromMovie);
        int to = collaborative.indexOf(toMovie);
        return from < 0 || to < 0 ? 0 : collaborative.cosine(from, to);
    }

    /** Predicted stars of movies for the user of a context (their current ratings), in one forward pass. */
    public double[] predictRatings(RankerInputs.UserContext context, long[] movieIds) {
        return predictRatings(context.userId(), context.request(), movieIds);
    }

    /** Predicted stars of movies for a user with this side of the features (their current ratings). */
    public double[] predictRatings(long userId, UserSide request, long[] movieIds) {
        Map<Long, Double> own = new HashMap<>();
        request.ratings().forEach(r -> own.put(r.movieId(), r.rating()));
        return predictRatings(userId, own, movieIds);
    }

    /** Predicted stars for (user, movie) pairs of a user with these ratings (movie id → stars). */
    public double[] predictRatings(long userId, Map<Long, Double> userRatings, long[] movieIds) {
        if (ratings == null) {
            throw new IllegalStateException("This ranker was trained for ranking only (an evaluation's): it predicts no stars");
        }
        return ratings.predict(userId, indexes.ratingUser.getOrDefault(userId, 0), userRatings, movieIds, collaborative);
    }

    /** Ranking scores in (0, 1) for the rows, in row order: one batched forward pass. */
    float[] score(RankerInputs.Rows rows) {
        if (rows.size() == 0) {
            return new float[0];
        }
        return ranking.output(List.of(rows.dense(), Forward.column(rows.user()), Forward.column(rows.movie()), rows.genres(),
                rows.demographics(), known(rows, userEmbeddingSize)));
    }

    /** 1 across the user embedding's width for a user with an embedding of their own (see Networks). */
    private static float[][] known(RankerInputs.Rows rows, int userEmbeddingSize) {
        float[][] known = new float[rows.size()][userEmbeddingSize];
        for (int r = 0; r < known.length; r++) {
            if (rows.user()[r] > 0) {
                java.util.Arrays.fill(known[r], 1f);
            }
        }
        return known;
    }

    public static INDArray[] inputs(RankerInputs.Rows rows, NormalizerStandardize normalizer, int userEmbeddingSize) {
        io.cinegraph.support.NativeThreads.onThisThread();
        INDArray dense = Nd4j.create(rows.dense());
        normalizer.transform(dense);
        return new INDArray[]{dense, Nd4j.create(rows.user(), rows.size(), 1), Nd4j.create(rows.movie(), rows.size(), 1),
                Nd4j.create(rows.genres()), Nd4j.create(rows.demographics()), Nd4j.create(known(rows, userEmbeddingSize))};
    }
}
