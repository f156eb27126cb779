package io.cinegraph.cli;

import io.cinegraph.ingest.SyntheticGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write a synthetic dataset in MovieLens format, in constant memory: long-tail popularity, "
                + "power-law user activity, genre-clustered tastes, demographics that correlate with genres, timestamps.",
                "The same options and seed give the same files. Import the result with: import --path OUT"})
public class GenerateCommand implements Callable<Integer> {

    @Option(names = "--users", defaultValue = "6000", description = "Number of users (default: ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--movies", defaultValue = "4000", description = "Number of movies (default: ${DEFAULT-VALUE}).")
    int movies;

    @Option(names = "--ratings", defaultValue = "1000000", description = "Number of ratings (default: ${DEFAULT-VALUE}).")
    long ratings;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write the dataset to.")
    Path out;

    @Option(names = "--format", defaultValue = "ml-100k", paramLabel = "ml-100k|csv",
            description = "ml-100k (u.data, u.item, u.user with demographics; whole stars) or csv "
                    + "(ml-latest layout: half stars, quoted titles, tags, links). Default: ${DEFAULT-VALUE}.")
    String format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        SyntheticGenerator.Layout layout = switch (format) {
            case "ml-100k" -> SyntheticGenerator.Layout.ML_100K;
            case "csv" -> SyntheticGenerator.Layout.CSV;
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "--format must be ml-100k or csv, got '" + format + "'");
        };
        var result = new SyntheticGenerator(new SyntheticGenerator.Params(users, movies, ratings, seed, out, layout)).write();
        spec.commandLine().getOut().printf("Wrote %,d users, %,d movies, %,d ratings, %,d tags to %s in %.1f s%n",
                result.users(), result.movies(), result.ratings(), result.tags(), result.out(), result.seconds());
        return 0;
    }
}
