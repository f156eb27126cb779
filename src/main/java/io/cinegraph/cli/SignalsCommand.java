package io.cinegraph.cli;

import io.cinegraph.signals.SignalJob;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine;

import java.util.concurrent.Callable;

@Command(name = "signals", mixinStandardHelpOptions = true,
        description = {"Recompute every materialized graph signal: user statistics, movie popularity and trend, "
                + "genre affinities (PREFERS), user neighbours (NEIGHBOUR), item similarity (SIMILAR by ratings "
                + "and by content). Prints the time of each step."})
public class SignalsCommand implements Callable<Integer> {

    @CommandLine.Option(names = "--user", paramLabel = "ID",
            description = "Refresh only this user's signals (statistics, cohort, genre affinities, neighbours), as after "
                    + "a new rating; repeatable. Prints the time of each refresh (the first one includes query planning).")
    java.util.List<Long> userIds;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Inject SignalJob job;
    @Inject io.cinegraph.catalog.CatalogService catalog;

    @Override
    public Integer call() {
        if (userIds != null) {
            for (long userId : userIds) {
                catalog.user(userId);
                long started = System.nanoTime();
                job.refreshUser(userId, java.util.List.of());
                spec.commandLine().getOut().printf(java.util.Locale.ROOT, "Refreshed user %d's signals in %.0f ms%n",
                        userId, (System.nanoTime() - started) / 1e6);
            }
            return 0;
        }
        spec.commandLine().getOut().println(job.recomputeAll().describe());
        return 0;
    }
}
