package io.cinegraph.cli;

import io.cinegraph.signals.SignalJob;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "signals", mixinStandardHelpOptions = true,
        description = {"Recompute every materialized graph signal: user statistics, movie popularity and trend, "
                + "genre affinities (PREFERS), user neighbours (NEIGHBOUR), item similarity (SIMILAR by ratings "
                + "and by content). Prints the time of each step."})
public class SignalsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final SignalJob job;

    public SignalsCommand(SignalJob job) {
        this.job = job;
    }

    @Override
    public Integer call() {
        spec.commandLine().getOut().println(job.recomputeAll().describe());
        return 0;
    }
}
