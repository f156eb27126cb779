package io.cinegraph.cli;

import io.cinegraph.bench.ScaleBenchmark;
import io.cinegraph.ranker.RankerConfig;
import io.cinegraph.signals.SignalsConfig;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "bench-scale", mixinStandardHelpOptions = true,
        description = {"The pipeline at growing sizes, on synthetic sets shaped like ml-25m: generate, import into an "
                + "empty temporary graph, signals, train, and requests ranked afresh; one table with each stage's own "
                + "time, ratings/s, microseconds per rating and its ratio to the smallest size, peak heap (the largest heap in use after a "
                + "garbage collection) and RSS, "
                + "then the store's size on disk. Nothing is asserted: it prints what it measured.",
                "Run it alone on the machine: another heavy job beside it changes every figure."})
public class BenchScaleCommand implements Callable<Integer> {

    @Option(names = "--ratings", split = ",", defaultValue = "1000000,5000000",
            description = "Sizes, in ratings (default: ${DEFAULT-VALUE}).")
    List<Long> ratings;

    @Option(names = "--stages", defaultValue = "train",
            description = "How far to go after import: import, signals, train (default: ${DEFAULT-VALUE}).")
    String stages;

    @Option(names = "--requests", defaultValue = "200",
            description = "Requests ranked afresh after training; 0 = none (default: ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--page-cache", defaultValue = "2g",
            description = "Page cache of the temporary graph (default: ${DEFAULT-VALUE}).")
    String pageCache;

    @Option(names = "--work", defaultValue = "target/bench-scale", paramLabel = "DIR",
            description = "Where the generated sets are written (each deleted after its run; default: ${DEFAULT-VALUE}).")
    Path work;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the generator and the requests (default: ${DEFAULT-VALUE}).")
    long seed;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Inject RankerConfig rankerConfig;
    @Inject SignalsConfig signalsConfig;

    @Override
    public Integer call() {
        if (!List.of("import", "signals", "train").contains(stages)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--stages must be import, signals or train, "
                    + "got '" + stages + "'");
        }
        ScaleBenchmark.Stages chosen = new ScaleBenchmark.Stages(!stages.equals("import"), stages.equals("train"),
                stages.equals("train") ? requests : 0);
        ScaleBenchmark bench = new ScaleBenchmark(rankerConfig, signalsConfig, pageCache, seed);
        List<ScaleBenchmark.Run> runs = new ArrayList<>();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-12s %-9s %10s %12s %10s %13s %10s %9s%n", "ratings", "stage", "seconds", "ratings/s",
                "µs/rating", "× smallest", "heap MiB", "RSS MiB");
        for (long size : ratings.stream().sorted().toList()) {
            runs.add(bench.run(ScaleBenchmark.Size.shapedLikeMl25m(size), work, chosen));
            // each size's rows as soon as it is done: a long run can be stopped without losing what it measured
            print(out, runs.get(0), runs.get(runs.size() - 1));
        }
        return 0;
    }

    private static void print(PrintWriter out, ScaleBenchmark.Run first, ScaleBenchmark.Run run) {
        for (ScaleBenchmark.Stage stage : run.stages()) {
            double base = first.stages().stream().filter(s -> s.name().equals(stage.name())).findFirst()
                    .map(ScaleBenchmark.Stage::microsecondsPerRating).orElse(Double.NaN);
            out.printf(Locale.ROOT, "%,12d %-9s %10.1f %,12.0f %10.2f %13.2f %10.0f %9.0f%n", run.size().ratings(),
                    stage.name(), stage.seconds(), stage.ratingsPerSecond(), stage.microsecondsPerRating(),
                    base > 0 ? stage.microsecondsPerRating() / base : Double.NaN, stage.peakHeapMiB(),
                    stage.rssMiB());
        }
        String serving = Double.isNaN(run.p50Millis()) ? "serving not measured (no requests at this stage)"
                : String.format(Locale.ROOT, "serving p50 %.1f ms, p99 %.1f ms (ranked afresh)", run.p50Millis(),
                run.p99Millis());
        out.printf(Locale.ROOT, "%,12d %d users, %d movies; store %.0f MiB on disk; %s%n", run.size().ratings(),
                run.size().users(), run.size().movies(), run.storeBytes() / (1024.0 * 1024.0), serving);
        out.flush();
    }
}
