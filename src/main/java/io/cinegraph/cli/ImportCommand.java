package io.cinegraph.cli;

import io.cinegraph.graph.Graph;
import io.cinegraph.ingest.DatasetDownloader;
import io.cinegraph.ingest.ImportConfig;
import io.cinegraph.ingest.ImportOptions;
import io.cinegraph.ingest.ImportSummary;
import io.cinegraph.ingest.Importer;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import a MovieLens dataset into the graph (idempotent: a second run changes no count; "
                + "an updated copy updates changed ratings).",
                "Bad rows are reported as file:line: reason.",
                "Exit codes: 0 imported; 1 stopped at a bad row, or the dataset/database could not be used; 2 usage error."})
public class ImportCommand implements Callable<Integer> {

    @Mixin
    DatasetSource source;

    @Option(names = "--batch-size", paramLabel = "N", description = "Rows per write transaction (default: ${cinegraph.import.batch-size:-10000}).")
    Integer batchSize;

    @Option(names = "--on-error", paramLabel = "fail|skip", defaultValue = "fail",
            converter = OnErrorConverter.class,
            description = "fail (default): stop at the first bad row, keeping every batch before it, so a fixed rerun "
                    + "completes. skip: import the rest and write the bad rows to the rejects file.")
    ImportOptions.OnError onError;

    @Option(names = "--rejects", paramLabel = "FILE",
            description = "Where skip mode writes rejected rows (default: data/rejects/<dataset>-<time>.txt).")
    Path rejects;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Inject Importer importer;
    @Inject DatasetDownloader downloader;
    @Inject ImportConfig config;
    @Inject Graph graph;

    @Override
    public Integer call() {
        Path dir = source.resolve(downloader, Optional.empty(), Optional.empty()).orElseThrow(() ->
                new CommandLine.ParameterException(spec.commandLine(), "Give --path DIR or --dataset NAME."));
        Path rejectsFile = rejects != null ? rejects : Path.of("data", "rejects", dir.getFileName() + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".txt");
        ImportOptions options = new ImportOptions(batchSize != null ? batchSize : config.batchSize(), onError,
                rejectsFile, false).bulkFrom(config.bulkFromBytes());
        graph.boltUri(); // open the database first, so that the import's own time is what is reported
        ImportSummary summary = importer.run(dir, options);
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        for (String error : summary.errors()) {
            err.println(error);
        }
        if (summary.rejected() > summary.errors().size()) {
            err.printf("... and %,d more%n", summary.rejected() - summary.errors().size());
        }
        out.println(summary.describe());
        if (!summary.completed()) {
            err.println("Fix the row above and run the same command again: everything before it is already stored.");
            return CineGraphCommand.EXIT_FAILURE;
        }
        return 0;
    }

    static final class OnErrorConverter implements CommandLine.ITypeConverter<ImportOptions.OnError> {
        @Override
        public ImportOptions.OnError convert(String value) {
            return switch (value.toLowerCase(java.util.Locale.ROOT)) {
                case "fail" -> ImportOptions.OnError.FAIL;
                case "skip" -> ImportOptions.OnError.SKIP;
                default -> throw new CommandLine.TypeConversionException("expected fail or skip, got '" + value + "'");
            };
        }
    }
}
