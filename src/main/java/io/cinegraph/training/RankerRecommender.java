package io.cinegraph.training;

import io.cinegraph.domain.UserSide;
import io.cinegraph.evaluation.SignUpRecommender;
import io.cinegraph.graph.Graph;
import io.cinegraph.model.TrainingData;
import io.cinegraph.ranker.RankerConfig;
import io.cinegraph.ranker.RankerInputs;
import io.cinegraph.ranker.RankerModel;
import io.cinegraph.ranker.StatedPreferences;
import io.cinegraph.signals.FeatureExtractor;
import io.cinegraph.signals.SignalGraph;
import io.cinegraph.signals.SignalSnapshot;
import io.cinegraph.signals.SignalsConfig;

import java.util.List;

/**
 * The ranker as an evaluation model: trained with {@link RankerTrainer} on a graph that holds the training
 * ratings only (with its signals computed), then scoring each test user's candidates exactly as a request
 * would. A catalogue of up to {@code max-items} movies is scored whole (full ranking); in larger ones the
 * movies outside the candidates follow, in EASE order.
 */
public final class RankerRecommender implements SignUpRecommender {

    /** Below every ranking score (which lie in (0, 1)), so that non-candidates come last. */
    private static final double OUTSIDE = -1e6;

    private final Graph graph;
    private final RankerConfig config;
    private final SignalsConfig signalsConfig;
    private TrainingData data;
    private RankerModel model;
    private FeatureExtractor extractor;
    private SignalSnapshot snapshot;

    private final boolean ratingModel;
    private final String name;

    /** Trains the whole model, as {@code train} does (rating model included). */
    public RankerRecommender(Graph trainingGraph, RankerConfig config, SignalsConfig signalsConfig) {
        this(trainingGraph, config, signalsConfig, true, "ranker");
    }

    private RankerRecommender(Graph trainingGraph, RankerConfig config, SignalsConfig signalsConfig, boolean ratingModel,
                              String name) {
        this.name = name;
        this.graph = trainingGraph;
        this.config = config;
        this.signalsConfig = signalsConfig;
        this.ratingModel = ratingModel;
    }

    /** Trains what ranking needs only (see {@link RankerTrainer#rankingOnly}): for ranking protocols. */
    public static RankerRecommender rankingOnly(Graph trainingGraph, RankerConfig config, SignalsConfig signalsConfig) {
        return rankingOnly(trainingGraph, config, signalsConfig, "ranker");
    }

    /** As {@link #rankingOnly(Graph, RankerConfig, SignalsConfig)}, reported under {@code name} (e.g. "ranker@tuned"). */
    public static RankerRecommender rankingOnly(Graph trainingGraph, RankerConfig config, SignalsConfig signalsConfig,
                                                String name) {
        return new RankerRecommender(trainingGraph, config, signalsConfig, false, name);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void fit(TrainingData data) {
        this.data = data;
        model = (ratingModel ? new RankerTrainer(config, signalsConfig) : RankerTrainer.rankingOnly(config, signalsConfig))
                .train(graph);
        SignalGraph signals = SignalGraph.over(graph, signalsConfig);
        snapshot = signals.snapshot();
        extractor = signals.extractor();
    }

    public RankerModel model() {
        return model;
    }

    /**
     * Scores over the catalogue for the user as a brand-new one: their demographics and the liked genres only
     * (no ratings, no neighbours; the unknown-user embedding).
     */
    @Override
    public double[] signUpScores(long userId, List<String> likedGenres) {
        UserSide profile = StatedPreferences.demographicsOnly(extractor.request(userId).orElseThrow());
        UserSide request = new StatedPreferences(likedGenres, List.of())
                .apply(profile, 5, snapshot.global().latestRatedAt());
        RankerInputs.UserContext context = model.context(NEW_USER, request, snapshot, signalsConfig.historySize());
        return fill(context, rank(context));
    }

    /** An id no user has: the network's unknown-user slot. */
    private static final long NEW_USER = Long.MIN_VALUE;

    @Override
    public double[] scores(int user) {
        long userId = data.userId(user);
        UserSide request = extractor.request(userId).orElseThrow();
        RankerInputs.UserContext context = model.context(userId, request, snapshot, signalsConfig.historySize());
        return fill(context, rank(context));
    }

    /**
     * A catalogue of at most {@code max-items} movies is scored whole, one forward pass over every movie the user
     * has not rated (full ranking); a larger one through the serving path's candidates.
     */
    private List<RankerModel.Scored> rank(RankerInputs.UserContext context) {
        if (data.items() <= config.maxItems()) {
            List<Long> all = new java.util.ArrayList<>();
            for (int i = 0; i < data.items(); i++) {
                if (!context.rated().contains(data.itemId(i))) {
                    all.add(data.itemId(i));
                }
            }
            return model.score(context, all, snapshot, extractor);
        }
        return model.rank(context, List.of(), snapshot, extractor, config);
    }

    private double[] fill(RankerInputs.UserContext context, List<RankerModel.Scored> ranked) {
        double[] scores = new double[data.items()];
        for (int i = 0; i < scores.length; i++) {
            int item = model.collaborative().indexOf(data.itemId(i));
            scores[i] = OUTSIDE + (item >= 0 ? context.ease()[item] : -1e3);
        }
        for (RankerModel.Scored s : ranked) {
            Integer i = data.itemIndex(s.movieId());
            if (i != null) {
                scores[i] = s.score();
            }
        }
        return scores;
    }
}
