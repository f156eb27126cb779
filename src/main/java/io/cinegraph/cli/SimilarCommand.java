package io.cinegraph.cli;

import io.cinegraph.catalog.CatalogService;
import io.cinegraph.domain.Movie;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.util.concurrent.Callable;

@Command(name = "similar", mixinStandardHelpOptions = true,
        description = "Print the movies most similar to one movie (materialized SIMILAR; run `signals` first).")
public class SimilarCommand implements Callable<Integer> {

    @Option(names = "--movie", required = true, paramLabel = "ID", description = "The movie.")
    long movieId;

    @Option(names = "--limit", defaultValue = "10", description = "How many movies (default: ${DEFAULT-VALUE}).")
    int limit;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Inject CatalogService catalog;

    @Override
    public Integer call() {
        Movie movie = catalog.movie(movieId);
        var out = spec.commandLine().getOut();
        out.printf("Most similar to %s (%s):%n", movie.title(), movie.year());
        CandidateTable.print(out, catalog.similar(movieId, limit), "similarity");
        return 0;
    }
}
