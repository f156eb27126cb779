package io.cinegraph.evaluation;

import io.cinegraph.domain.Candidate;
import io.cinegraph.domain.Interaction;
import io.cinegraph.graph.CatalogRepository;
import io.cinegraph.graph.IngestRepository;
import io.cinegraph.ingest.ImportOptions;
import io.cinegraph.ingest.Importer;
import io.cinegraph.signals.CandidateSource;
import io.cinegraph.signals.SignalGraph;
import io.cinegraph.signals.SignalsConfig;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The graph-signal candidate generators as evaluation baselines: the dataset is imported into a temporary
 * embedded graph with its training ratings only, every signal is recomputed there, and each generator ranks
 * its top {@code depth} movies first (the rest of the catalogue follows, tied).
 */
public final class GraphBaselines implements AutoCloseable {

    private final SignalGraph signals;
    private final double setupSeconds;

    public GraphBaselines(Path dataset, List<Interaction> train, SignalsConfig config) {
        long started = System.nanoTime();
        Set<Long> pairs = new HashSet<>();
        train.forEach(i -> pairs.add(pairKey(i.userId(), i.movieId())));
        signals = SignalGraph.temporary(graph -> new Importer(new IngestRepository(graph), new CatalogRepository(graph))
                .run(dataset, new ImportOptions(10_000, ImportOptions.OnError.FAIL, null, false)
                        .onlyRatings(r -> pairs.contains(pairKey(r.userId(), r.movieId()))).repeatable()), config);
        setupSeconds = (System.nanoTime() - started) / 1e9;
    }

    /** Seconds spent starting the temporary graph, importing the training ratings and computing the signals. */
    public double setupSeconds() {
        return setupSeconds;
    }

    private static long pairKey(long userId, long movieId) {
        return userId * 4_294_967_296L + movieId;
    }

    /** The temporary graph: the dataset with its training ratings only, signals computed. */
    public io.cinegraph.graph.Graph graph() {
        return signals.graph();
    }

    /** The generator as a recommender over the evaluation's catalogue. */
    public Recommender recommender(String name, int depth) {
        CandidateSource source = signals.candidates().byName(name).orElseThrow(() ->
                new IllegalArgumentException("no graph baseline named '" + name + "'"));
        return new FittedRecommender(name, data -> user -> {
            double[] scores = new double[data.items()];
            List<Candidate> top = source.candidates(data.userId(user), depth);
            for (int r = 0; r < top.size(); r++) {
                Integer item = data.itemIndex(top.get(r).movieId());
                if (item != null) {
                    scores[item] = top.size() - r;
                }
            }
            return scores;
        });
    }

    @Override
    public void close() {
        signals.close();
    }
}
