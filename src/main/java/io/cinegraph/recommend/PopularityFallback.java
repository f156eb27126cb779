package io.cinegraph.recommend;

import io.cinegraph.domain.Candidate;
import io.cinegraph.domain.Explanation;
import io.cinegraph.signals.SignalSnapshot;
import io.cinegraph.training.ModelRegistry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What ranks while no model is active: the user-kNN generator's candidates, then the popular ones, each in the
 * order proposed; stars are the movie's Bayesian mean (or the global mean).
 */
final class PopularityFallback implements Ranker {

    /** The generators it serves, in order. */
    static final List<String> SOURCES = List.of("user-knn", "popular");
    /** The non-personalised baseline an experiment may serve as a deliberately plain variant: the popular ones only. */
    static final String POPULAR_ONLY = "baseline:popular";

    private final String version;
    private final List<String> sources;

    /** The fallback: user-kNN candidates, then the popular ones. */
    PopularityFallback() {
        this(ModelRegistry.FALLBACK, SOURCES);
    }

    private PopularityFallback(String version, List<String> sources) {
        this.version = version;
        this.sources = sources;
    }

    /** The popular candidates alone, the same for everybody (but what they rated). */
    static PopularityFallback popularOnly() {
        return new PopularityFallback(POPULAR_ONLY, List.of("popular"));
    }

    @Override
    public String version() {
        return version;
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
        for (String name : sources) {
            List<String> by = List.of(name);
            for (Candidate c : request.proposed().by(name)) {
                if (taken.add(c.movieId())) {
                    out.add(new Item(c.movieId(), c.score(), by, name));
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
        return sources.stream().map(name -> request.proposed().of(movieId, name)).filter(c -> c != null)
                .map(Candidate::explanation).findFirst().orElse(null);
    }
}
