package io.cinegraph.cli;

import io.cinegraph.api.RequestWarmUp;
import io.cinegraph.catalog.CatalogService;
import io.cinegraph.graph.Graph;
import io.cinegraph.ingest.DatasetDownloader;
import io.cinegraph.ingest.ImportConfig;
import io.cinegraph.ingest.ImportOptions;
import io.cinegraph.ingest.ImportSummary;
import io.cinegraph.ingest.Importer;
import io.cinegraph.ratings.WriteWarmUp;
import io.cinegraph.recommend.CandidateWarmUp;
import io.cinegraph.signals.StaleUsers;
import io.cinegraph.support.Memory;
import io.cinegraph.support.ServiceState;
import io.cinegraph.training.ModelRegistry;
import io.cinegraph.training.RetrainService;
import io.quarkus.runtime.Quarkus;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the REST service and Neo4j Browser (the default command).",
                "With --path or --dataset the dataset is imported first; a restart with the same copy skips the import."})
public class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = Logger.getLogger(ServeCommand.class);

    @Mixin
    DatasetSource source;

    @Option(names = "--reimport", description = "Import even if the graph already holds this exact copy.")
    boolean reimport;

    @Option(names = "--no-train", description = "With no trained model, do not start training one in the background "
            + "(the named fallback keeps serving).")
    boolean noTrain;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Inject Graph graph;
    @Inject Importer importer;
    @Inject DatasetDownloader downloader;
    @Inject ImportConfig config;
    @Inject ServiceState state;
    @Inject @ConfigProperty(name = "quarkus.http.port") int httpPort;
    @Inject ModelRegistry models;
    @Inject RetrainService retrain;
    @Inject CatalogService catalog;
    @Inject StaleUsers staleUsers;
    @Inject CandidateWarmUp warmUp;
    @Inject RequestWarmUp requestWarmUp;
    @Inject WriteWarmUp writeWarmUp;

    @Override
    public Integer call() {
        var bolt = graph.boltUri();
        var dir = source.resolve(downloader, config.path(), config.dataset());
        if (dir.isPresent()) {
            state.importing(dir.get());
            try {
                ImportSummary summary = importer.run(dir.get(), new ImportOptions(config.batchSize(),
                        ImportOptions.OnError.SKIP, Path.of("data", "rejects", dir.get().getFileName() + ".txt"), !reimport)
                        .bulkFrom(config.bulkFromBytes()));
                spec.commandLine().getOut().println(summary.describe());
            } finally {
                state.ready();
            }
        }
        models.load();
        staleUsers.resume();
        state.serving();
        try {
            List<Long> warmed = warmUp.run();
            writeWarmUp.run();
            requestWarmUp.run(warmed);
            settleHeap();
        } finally {
            state.started();
        }
        spec.commandLine().getOut().println(models.active()
                .map(m -> "Ranker model " + m.info().version() + " (validation NDCG@10 "
                        + String.format(java.util.Locale.ROOT, "%.4f", m.info().validation().get("ndcg@10")) + ")")
                .orElse("No ranker model: serving " + ModelRegistry.FALLBACK + " (" + models.fallbackReason() + ")"));
        if (models.active().isEmpty() && !noTrain && catalog.counts().ratings() > 0) {
            try {
                var job = retrain.submit("startup");
                spec.commandLine().getOut().printf("Training a first model in the background (%s; follow it in the log); "
                        + "it is swapped in when ready, without a restart.%n", job.id());
            } catch (RetrainService.AlreadyRunningException e) {
                spec.commandLine().getOut().printf("%s; its model is swapped in here when it is promoted.%n", e.getMessage());
            }
        }
        String base = "http://localhost:" + httpPort;
        spec.commandLine().getOut().printf("CineGraph is serving on %s  (API %s/api, Swagger UI %s/q/swagger-ui%s)%n",
                base, base, base, graph.isEmbedded() ? ", Neo4j Browser " + base + "/browser/ on " + bolt
                        + ", its guide :play " + base + "/guide/cinegraph.html" : "");
        LOG.info("Ready");
        Quarkus.waitForExit();
        return 0;
    }

    /**
     * One full collection before readiness: what start-up built and keeps (the warmed caches of candidates, rankings
     * and users) goes to the old generation at once, instead of being copied from one survivor space to the other by
     * every young collection of the first minutes, each pause longer for it, while clients wait.
     */
    private static void settleHeap() {
        Memory.Collected gc = Memory.collect();
        LOG.infof("Settled the heap before readiness: %,.0f MB in use, %,.0f MB live (%.0f ms)",
                gc.heapUsedBeforeBytes() / 1e6, gc.heapUsedAfterBytes() / 1e6, gc.collectedInMs());
    }
}
