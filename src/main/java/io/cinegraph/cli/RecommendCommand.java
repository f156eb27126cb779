package io.cinegraph.cli;

import io.cinegraph.catalog.CatalogService;
import io.cinegraph.signals.Candidate;
import io.cinegraph.signals.CandidateSource;
import io.cinegraph.signals.CandidateSources;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "recommend", mixinStandardHelpOptions = true,
        description = {"Print a user's top movies from one graph signal, with the explanation of each.",
                "Run `signals` first: the sources read the materialized NEIGHBOUR, SIMILAR and PREFERS relationships."})
public class RecommendCommand implements Callable<Integer> {

    @Option(names = "--user", required = true, paramLabel = "ID", description = "The user.")
    long userId;

    @Option(names = "--source", defaultValue = "item-knn", paramLabel = "NAME",
            description = "user-knn, item-knn, genre, cohort or popular (default: ${DEFAULT-VALUE}).")
    String source;

    @Option(names = "--limit", defaultValue = "10", description = "How many movies (default: ${DEFAULT-VALUE}).")
    int limit;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final CandidateSources sources;
    private final CatalogService catalog;

    public RecommendCommand(CandidateSources sources, CatalogService catalog) {
        this.sources = sources;
        this.catalog = catalog;
    }

    @Override
    public Integer call() {
        CandidateSource chosen = sources.byName(source).orElseThrow(() -> new CommandLine.ParameterException(
                spec.commandLine(), "--source must be one of " + String.join(", ", sources.names()) + ", got '" + source + "'"));
        if (limit < 1 || limit > 100) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be between 1 and 100");
        }
        catalog.user(userId);
        List<Candidate> top = chosen.candidates(userId, limit);
        var out = spec.commandLine().getOut();
        out.printf("Top %d for user %d from %s:%n", top.size(), userId, chosen.name());
        CandidateTable.print(out, top, "score");
        return 0;
    }
}
