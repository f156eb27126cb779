package io.cinegraph.bench;

import io.cinegraph.graph.CatalogRepository;
import io.cinegraph.graph.IngestRepository;
import io.cinegraph.graph.TemporaryGraph;
import io.cinegraph.ingest.ImportOptions;
import io.cinegraph.ingest.ImportSummary;
import io.cinegraph.ingest.Importer;
import io.cinegraph.ingest.SyntheticGenerator;
import io.cinegraph.ranker.RankerConfig;
import io.cinegraph.ranker.RankerModel;
import io.cinegraph.recommend.RecommendationQuery;
import io.cinegraph.recommend.RecommendationService;
import io.cinegraph.signals.SignalGraph;
import io.cinegraph.signals.SignalsConfig;
import io.cinegraph.support.Memory;
import io.cinegraph.support.Progress;
import io.cinegraph.training.RankerTrainer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The pipeline at one size, on a synthetic set shaped like ml-25m (about 154 ratings per user and 400 per movie,
 * long-tailed popularity and activity, tags, 19 genres): generate → import into an empty temporary graph →
 * signals → train → serve (requests ranked afresh, through the service's own path, in process). Each stage's own
 * time, what it processed, and the heap and memory it left; then the store's size on disk.
 */
public record ScaleBenchmark(RankerConfig rankerConfig, SignalsConfig signalsConfig, String pageCache, long seed) {

    private static final Logger LOG = Logger.getLogger(ScaleBenchmark.class);
    /** ml-25m: 25,000,095 ratings by 162,541 users of 62,423 movies. */
    private static final double RATINGS_PER_USER = 154;
    private static final double RATINGS_PER_MOVIE = 400;
    private static final int MIN_MOVIES = 200;
    private static final int IMPORT_BATCH = 10_000;

    /** A set's size: ratings, and the users and movies of ml-25m's shape for that many. */
    public record Size(long ratings, int users, int movies) {

        public static Size shapedLikeMl25m(long ratings) {
            int movies = (int) Math.max(MIN_MOVIES, Math.round(ratings / RATINGS_PER_MOVIE));
            // small sets: enough users that nobody has to rate more than a quarter of the catalogue
            int users = (int) Math.max(Math.round(ratings / RATINGS_PER_USER), Math.ceil(4.0 * ratings / movies));
            return new Size(ratings, users, movies);
        }
    }

    /** One stage: seconds, how many ratings it processed, the peak heap during it and the RSS after it (MiB). */
    public record Stage(String name, double seconds, long ratings, double peakHeapMiB, double rssMiB) {

        public double microsecondsPerRating() {
            return ratings == 0 ? 0 : seconds * 1e6 / ratings;
        }

        public double ratingsPerSecond() {
            return seconds == 0 ? 0 : ratings / seconds;
        }
    }

    /** A whole run at one size; the serving figures are NaN when that stage did not run. */
    public record Run(Size size, List<Stage> stages, long storeBytes, double p50Millis, double p99Millis) {
    }

    /** Which stages to run after generate and import. */
    public record Stages(boolean signals, boolean train, int requests) {
    }


    public Run run(Size size, Path work, Stages stages) {
        List<Stage> out = new ArrayList<>();
        Path data = work.resolve("ratings-" + size.ratings());
        out.add(measure("generate", size.ratings(), () -> new SyntheticGenerator(new SyntheticGenerator.Params(
                size.users(), size.movies(), size.ratings(), seed, data, SyntheticGenerator.Layout.CSV)).write()));
        try (TemporaryGraph temporary = new TemporaryGraph(pageCache)) {
            ImportSummary[] summary = new ImportSummary[1];
            out.add(measure("import", size.ratings(), () -> summary[0] = new Importer(new IngestRepository(temporary.graph()),
                    new CatalogRepository(temporary.graph())).run(data, new ImportOptions(IMPORT_BATCH,
                    ImportOptions.OnError.FAIL, null, false))));
            LOG.info(summary[0].describe());
            SignalGraph graph = SignalGraph.over(temporary.graph(), signalsConfig);
            if (stages.signals()) {
                out.add(measure("signals", size.ratings(), graph::recompute));
            }
            double[] latency = {Double.NaN, Double.NaN};
            if (stages.signals() && stages.train()) {
                RankerModel[] model = new RankerModel[1];
                out.add(measure("train", size.ratings(), () -> model[0] = new RankerTrainer(rankerConfig, signalsConfig)
                        .train(temporary.graph())));
                if (stages.requests() > 0) {
                    latency = serve(graph, model[0], size, stages.requests(), out);
                }
            }
            return new Run(size, List.copyOf(out), temporary.storeBytes(), latency[0], latency[1]);
        } finally {
            delete(data);
        }
    }

    /** Requests ranked afresh for seeded random users, one at a time after a warm-up: p50 and p99 in ms. */
    private double[] serve(SignalGraph graph, RankerModel model, Size size, int requests, List<Stage> out) {
        try (RecommendationService service = RecommendationService.over(graph, model, rankerConfig, signalsConfig,
                new SimpleMeterRegistry())) {
            Random random = new Random(seed);
            RecommendationQuery fresh = new RecommendationQuery(10, null, null, null, null, true, true);
            for (int i = 0; i < Math.min(requests, 20); i++) {
                service.recommend(1 + random.nextInt(size.users()), fresh);
            }
            double[] millis = new double[requests];
            out.add(measure("serve", 0, () -> {
                // a full collection first: the stage's heap figure is then what serving holds (snapshot, model,
                // caches), not what training left behind
                System.gc();
                try (Progress progress = Progress.items("Serving", requests, " requests")) {
                    for (int i = 0; i < requests; i++) {
                        long started = System.nanoTime();
                        service.recommend(1 + random.nextInt(size.users()), fresh);
                        millis[i] = (System.nanoTime() - started) / 1e6;
                        progress.step();
                    }
                }
            }));
            Arrays.sort(millis);
            double[] latency = {percentile(millis, 50), percentile(millis, 99)};
            LOG.infof("Scale benchmark, %d requests ranked afresh: p50 %.1f ms, p99 %.1f ms", requests, latency[0],
                    latency[1]);
            return latency;
        }
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(p / 100 * sorted.length) - 1))];
    }

    private static Stage measure(String name, long ratings, Runnable work) {
        Memory.resetPeakHeap();
        long started = System.nanoTime();
        work.run();
        double seconds = (System.nanoTime() - started) / 1e9;
        Stage stage = new Stage(name, seconds, ratings, Memory.peakHeapMiB(), Memory.rssMiB());
        LOG.infof("Scale benchmark, %s: %.1f s (%.0f ratings/s), peak heap %.0f MiB, RSS %.0f MiB", name, seconds,
                stage.ratingsPerSecond(), stage.peakHeapMiB(), stage.rssMiB());
        return stage;
    }

    private static void delete(Path dir) {
        io.cinegraph.support.Directories.deleteTree(dir);
    }
}
