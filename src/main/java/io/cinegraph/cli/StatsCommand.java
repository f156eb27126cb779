package io.cinegraph.cli;

import io.cinegraph.catalog.CatalogService;
import io.cinegraph.domain.GraphCounts;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine;

import java.util.concurrent.Callable;

@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Print what the graph holds: node and relationship counts, and the dataset it came from.")
public class StatsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Inject CatalogService catalog;

    @Override
    public Integer call() {
        GraphCounts c = catalog.counts();
        var out = spec.commandLine().getOut();
        out.printf("users    %,12d%nmovies   %,12d%ngenres   %,12d%nratings  %,12d%ntags     %,12d%n",
                c.users(), c.movies(), c.genres(), c.ratings(), c.tags());
        catalog.dataset().ifPresentOrElse(
                d -> out.printf("dataset  %s (%s) from %s%s%n", d.name(), d.format(), d.path(),
                        d.complete() ? "" : " - import INCOMPLETE"),
                () -> out.println("dataset  none imported yet"));
        return 0;
    }
}
