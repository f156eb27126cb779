package io.cinegraph.recommend;

import io.cinegraph.domain.Candidate;
import io.cinegraph.domain.Explanation;
import io.cinegraph.signals.SignalSnapshot;
import io.cinegraph.training.ModelRegistry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What ranks while no model is active: the user-kNN generator's candidates, then the popular ones, each in the
 * order proposed; stars are the movie's Bayesian mean (or the global mean).
 */
final class PopularityFallback implements Ranker {

    /** The generators it serves, in order. */
    static final List<String> SOURCES = List.of("user-knn", "popular");

    @Override
    public String version() {
        return ModelRegistry.FALLBACK;
    }

    @Override
    public boolean fallback() {
        return true;
    }

    @Override
    public List<Item> rank(Request request) {
        Set<Long> taken = new HashSet<>();
        request.side().ratings().forEach(r -> taken.add(r.movieId()));
        List<Item> out = new ArrayList<>();
        for (String name : SOURCES) {
            for (Map.Entry<Long, List<Candidate>> e : request.proposed().entrySet()) {
                Candidate c = e.getValue().stream().filter(x -> x.explanation().source().equals(name)).findFirst()
                        .orElse(null);
                if (c != null && taken.add(e.getKey())) {
                    out.add(new Item(e.getKey(), c.score(), List.of(name), c.explanation()));
                }
            }
        }
        return out;
    }

    @Override
    public double[] stars(Request request, long[] movieIds) {
        SignalSnapshot snapshot = request.snapshot();
        double[] out = new double[movieIds.length];
        for (int i = 0; i < out.length; i++) {
            SignalSnapshot.MovieSignals movie = snapshot.movie(movieIds[i]);
            out[i] = movie == null || movie.bayesMean() == null ? snapshot.global().globalMean() : movie.bayesMean();
        }
        return out;
    }

    /** Every item it ranks carries its generator's explanation; this answers the same for any movie asked. */
    @Override
    public Explanation explain(Request request, long movieId) {
        return request.proposed().getOrDefault(movieId, List.of()).stream()
                .filter(c -> SOURCES.contains(c.explanation().source())).map(Candidate::explanation).findFirst()
                .orElse(null);
    }
}
