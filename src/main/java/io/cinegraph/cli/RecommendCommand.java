package io.cinegraph.cli;

import io.cinegraph.catalog.CatalogService;
import io.cinegraph.domain.Candidate;
import io.cinegraph.recommend.Recommendation;
import io.cinegraph.recommend.RecommendationQuery;
import io.cinegraph.recommend.RecommendationService;
import io.cinegraph.recommend.Recommendations;
import io.cinegraph.signals.CandidateSource;
import io.cinegraph.signals.CandidateSources;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "recommend", mixinStandardHelpOptions = true,
        description = {"Print a user's top movies, with the explanation of each: from the active neural ranker "
                + "(score, predicted stars), or from one graph signal with --source.",
                "Run `train` first (it also computes the graph signals); without a model the named fallback answers."})
public class RecommendCommand implements Callable<Integer> {

    @Option(names = "--user", required = true, paramLabel = "ID", description = "The user.")
    long userId;

    @Option(names = "--source", defaultValue = "ranker", paramLabel = "NAME",
            description = "ranker, user-knn, item-knn, genre, cohort or popular (default: ${DEFAULT-VALUE}).")
    String source;

    @Option(names = "--limit", defaultValue = "10", description = "How many movies (default: ${DEFAULT-VALUE}).")
    int limit;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Inject CandidateSources sources;
    @Inject CatalogService catalog;
    @Inject RecommendationService recommendations;

    @Override
    public Integer call() {
        if (source.equals("ranker")) {
            if (limit < 1 || limit > 100) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be between 1 and 100");
            }
            Recommendations answer = recommendations.recommend(userId, RecommendationQuery.top(limit));
            var out = spec.commandLine().getOut();
            out.printf("Top %d for user %d from %s%s:%n", answer.items().size(), userId,
                    answer.fallback() ? "" : "ranker model ", answer.model());
            int rank = 1;
            for (Recommendation r : answer.items()) {
                out.printf(java.util.Locale.ROOT, "%3d. %-55s score %.3f  %.1f★  [%s] %s%n", rank++,
                        r.title() + (r.year() == null ? "" : " (" + r.year() + ")"), r.score(), r.predictedRating(),
                        String.join(",", r.sources()), r.explanation().sentence());
            }
            return 0;
        }
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
