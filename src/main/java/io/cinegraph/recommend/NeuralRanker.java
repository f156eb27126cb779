package io.cinegraph.recommend;

import io.cinegraph.domain.Explanation;
import io.cinegraph.domain.UserSide;
import io.cinegraph.ranker.RankerConfig;
import io.cinegraph.ranker.RankerInputs;
import io.cinegraph.ranker.RankerModel;
import io.cinegraph.signals.Explanations;
import io.cinegraph.signals.FeatureExtractor;

import java.util.ArrayList;
import java.util.List;

/**
 * The trained model as the serving ranker: the union of its own in-memory candidates (EASE, cosine, session,
 * popularity; see {@code ModelCandidates}) and the generators' proposals, scored in one batched forward
 * pass; stars from its rating network; a movie only it proposed is explained by the user's liked movie most often
 * watched with it.
 */
record NeuralRanker(RankerModel model, FeatureExtractor extractor, RankerConfig config, int historySize)
        implements Ranker {

    private static final List<String> RANKER_ONLY = List.of("ranker");

    @Override
    public String version() {
        return model.info().version();
    }

    @Override
    public boolean fallback() {
        return false;
    }

    @Override
    public List<Item> rank(Request request) {
        RankerInputs.UserContext context = model.context(request.userId(), request.side(), request.snapshot(), historySize);
        List<RankerModel.Scored> order = model.rank(context, request.proposed().movies(), request.snapshot(), extractor,
                config);
        List<Item> items = new ArrayList<>(order.size());
        for (RankerModel.Scored s : order) {
            List<String> by = request.proposed().sources(s.movieId());
            items.add(by.isEmpty() ? new Item(s.movieId(), (float) s.score(), RANKER_ONLY, null)
                    : new Item(s.movieId(), (float) s.score(), by, by.get(0)));
        }
        return items;
    }

    @Override
    public double[] stars(Request request, long[] movieIds) {
        return model.predictRatings(request.userId(), request.side(), movieIds);
    }

    @Override
    public Explanation explain(Request request, long movieId) {
        long time = request.side().ratings().stream().mapToLong(UserSide.Rated::ratedAt).max()
                .orElse(request.snapshot().global().latestRatedAt());
        return Explanations.ofRanker(request.userId(), movieId, request.side(), time, model::cosine, request.snapshot());
    }
}
