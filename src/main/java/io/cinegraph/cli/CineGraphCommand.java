package io.cinegraph.cli;

import io.cinegraph.catalog.NotFoundException;
import io.cinegraph.graph.GraphUnavailableException;
import io.cinegraph.ingest.DatasetException;
import io.cinegraph.model.HeapTooSmallException;
import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The top command; its subcommands are the product's verbs. */
@TopCommand
@Command(name = "cinegraph", mixinStandardHelpOptions = true, version = "CineGraph 0.1.0",
        description = "Graph-native movie recommendations on Neo4j. With no command, runs the service.",
        subcommands = {ServeCommand.class, ImportCommand.class, GenerateCommand.class, ExportCsvCommand.class,
                StatsCommand.class, SignalsCommand.class, RecommendCommand.class, SimilarCommand.class,
                BenchFeaturesCommand.class, EvaluateCommand.class, TrainCommand.class, BenchCommand.class, SoakCommand.class, SimulateCommand.class,
                BenchScaleCommand.class, TuneCommand.class,
                CommandLine.HelpCommand.class})
public class CineGraphCommand implements Runnable {

    /** Exit code of a run that met bad data or an unreachable database (as opposed to a usage error, 2). */
    static final int EXIT_FAILURE = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A command line whose expected failures print one sentence instead of a stack trace. */
    static CommandLine commandLine(CommandLine.IFactory factory) {
        CommandLine cli = new CommandLine(CineGraphCommand.class, factory);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof DatasetException || e instanceof GraphUnavailableException
                    || e instanceof NotFoundException || e instanceof IllegalArgumentException
                    || e instanceof HeapTooSmallException) {
                commandLine.getErr().println("error: " + e.getMessage());
                return EXIT_FAILURE;
            }
            throw e;
        });
        return cli;
    }
}
