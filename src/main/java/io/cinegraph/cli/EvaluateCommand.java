package io.cinegraph.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cinegraph.domain.Interaction;
import io.cinegraph.evaluation.FoldsProtocol;
import io.cinegraph.evaluation.OfflineEvaluation;
import io.cinegraph.evaluation.Report;
import io.cinegraph.evaluation.SignUpProtocol;
import io.cinegraph.evaluation.Splitter;
import io.cinegraph.events.Replay;
import io.cinegraph.ranker.RankerConfig;
import io.cinegraph.signals.SignalsConfig;
import io.cinegraph.training.RankerRecommender;
import io.cinegraph.training.RankerTrainer;
import io.cinegraph.tuning.Profiles;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Offline evaluation of the baselines on a MovieLens copy, trained on the training part only.",
                "Protocols (a user's ratings ordered by timestamp, then movie id; ratings count as interactions):",
                "  leave-last-out  each user's last rating is the test item; also ranked among --negatives sampled items",
                "  last-fraction   each user's last ceil(fraction * n) ratings (at least 1) are test",
                "  temporal        one global time cut: the latest fraction of all ratings are test",
                "  cold-start      a seeded --cold-users share of users keep only their first --cold-keep ratings in",
                "                  training; the ranker also ranks them as sign-ups (demographics + liked genres)",
                "  folds           ml-100k's own u1-u5 base/test files, for rating prediction (global mean, biases)",
                "  replay          the live graph's logged answers (no --path): each model re-ranks the movies each answer",
                "                  showed, with the user's history as it was then, scored on what the user took up",
                "Full ranking scores every catalogue movie the user has not rated in training; ties by movie id."})
public class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--path", paramLabel = "DIR", description = "A local MovieLens copy (every protocol but replay).")
    Path path;

    @Option(names = "--protocol", defaultValue = "last-fraction",
            description = "leave-last-out, last-fraction, temporal, cold-start, folds or replay (default: ${DEFAULT-VALUE}).")
    String protocol;

    @Option(names = "--fraction", defaultValue = "0.2", description = "Test share for last-fraction and temporal (default: ${DEFAULT-VALUE}).")
    double fraction;

    @Option(names = "--cold-users", defaultValue = "0.2",
            description = "cold-start: share of users made cold (default: ${DEFAULT-VALUE}).")
    double coldUsers;

    @Option(names = "--cold-keep", defaultValue = "5",
            description = "cold-start: how many of their first ratings cold users keep in training (default: ${DEFAULT-VALUE}).")
    int coldKeep;

    @Option(names = "--negatives", defaultValue = "99", description = "Sampled negatives for leave-last-out (default: ${DEFAULT-VALUE}; 0 = off).")
    int negatives;

    @Option(names = "--k", defaultValue = "10", description = "Cut-off of the ranking metrics (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the negative sampling (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--models", split = ",",
            defaultValue = "most-popular,item-knn-cosine,ease,user-knn,item-knn,genre,cohort,popular,ranker",
            description = {"Models to run (default: ${DEFAULT-VALUE}).",
                    "In memory: most-popular, item-knn-cosine, ease. Graph signals (on a temporary graph holding the "
                            + "training ratings only): user-knn, item-knn, genre, cohort, popular.",
                    "The neural ranker, trained on that graph: ranker.",
                    "replay: stored model versions, active and popular (default: the versions that served the logged "
                            + "answers, the active one and popular)."})
    List<String> models;

    @Option(names = "--graph-depth", defaultValue = "100",
            description = "How many movies each graph baseline ranks per user; the rest follow tied (default: ${DEFAULT-VALUE}).")
    int graphDepth;

    @Option(names = "--ease-lambda", defaultValue = "250", description = "EASE's L2 weight λ (default: ${DEFAULT-VALUE}).")
    double easeLambda;

    @Option(names = "--knn-k", defaultValue = "200", description = "Neighbours kept by item-kNN cosine (default: ${DEFAULT-VALUE}).")
    int knnK;

    @Option(names = "--profile", split = ",", paramLabel = "NAME",
            description = {"Evaluate the ranker once per tuning profile (e.g. default,tuned), as rows ranker@NAME, in "
                    + "this one run on the same split and graph.",
                    "'default' is the built-in settings; others are <model-dir>/profiles/NAME.properties (see tune). "
                            + "Without it, the ranker runs with the active profile (cinegraph.ranker.profile)."})
    List<String> profiles;

    @Option(names = "--days", defaultValue = Replay.DEFAULT_DAYS,
            description = "replay: the window of logged answers, in days up to now (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--limit", defaultValue = Replay.DEFAULT_LIMIT,
            description = "replay: at most this many of the latest answers (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--variants", split = ",", paramLabel = "NAME",
            description = "replay: only the answers served in these variants (default: all).")
    List<String> variants;

    @Option(names = "--liked", defaultValue = "4",
            description = "replay: a shown movie rated at least this afterwards counts as taken up (default: ${DEFAULT-VALUE}).")
    double liked;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON.")
    Path json;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Also write an HTML report (index.html: table, bars per model, NDCG by user activity, popularity).")
    Path report;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** A rating-prediction model's errors, as the JSON document lists them. */
    record RatingRow(String name, Map<String, Double> rating) {
    }

    @Inject ObjectMapper mapper;
    @Inject SignalsConfig signalsConfig;
    @Inject RankerConfig rankerConfig;
    @Inject Replay replay;

    @Override
    public Integer call() throws IOException {
        if (protocol.equals("replay")) {
            return replay();
        }
        if (path == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--path is required for --protocol " + protocol
                    + " (a local MovieLens copy); only replay runs on the live graph");
        }
        List<String> chosen = new ArrayList<>(models.stream().map(String::strip).toList());
        for (String name : chosen) {
            if (!OfflineEvaluation.models().contains(name)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "unknown model '" + name + "': choose among "
                        + String.join(", ", OfflineEvaluation.models()));
            }
        }
        Map<String, RankerConfig> rankers = new LinkedHashMap<>();
        if (profiles != null && chosen.contains(OfflineEvaluation.RANKER)) {
            int at = chosen.indexOf(OfflineEvaluation.RANKER);
            chosen.remove(at);
            for (String name : profiles.stream().map(String::strip).distinct().toList()) {
                rankers.put(OfflineEvaluation.RANKER + "@" + name, Profiles.config(rankerConfig, name));
                chosen.add(at++, OfflineEvaluation.RANKER + "@" + name);
            }
        } else {
            rankers.put(OfflineEvaluation.RANKER, rankerConfig);
        }
        if (protocol.equals("folds")) {
            return folds(chosen.stream().anyMatch(OfflineEvaluation::isRanker) ? rankers : Map.of());
        }
        Splitter splitter = switch (protocol) {
            case "leave-last-out" -> Splitter.leaveLastOut();
            case "last-fraction" -> Splitter.lastFraction(fraction);
            case "temporal" -> Splitter.temporal(fraction);
            case "cold-start" -> Splitter.coldStart(coldUsers, coldKeep, seed);
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "--protocol must be leave-last-out, last-fraction, temporal, cold-start, folds or replay, got '"
                            + protocol + "'");
        };
        OfflineEvaluation.Outcome outcome = OfflineEvaluation.run(path, splitter, chosen,
                new OfflineEvaluation.Settings(k, negatives, seed, graphDepth, easeLambda, knnK), signalsConfig,
                (graph, name) -> RankerRecommender.rankingOnly(graph, rankers.get(name), signalsConfig, name));
        PrintWriter out = spec.commandLine().getOut();
        new EvaluationTable(out, k).print(path, seed, outcome);
        SignUpProtocol.Result signUps = outcome.signUps();
        if (signUps != null) {
            out.printf(Locale.ROOT, "New users with demographics + 3 liked genres only (%d users): NDCG@%d ranker %.4f, "
                            + "most-popular %.4f, gender x age-band cohort popularity %.4f%n", signUps.users(), k,
                    signUps.model(), signUps.mostPopular(), signUps.cohortPopularity());
        }
        if (report != null) {
            Path file = Report.write(report, outcome.split().protocol() + " on " + path, outcome.results(), k);
            out.println("Report: " + file.toAbsolutePath());
        }
        if (outcome.graphSetupSeconds() != null) {
            out.printf(Locale.ROOT, "Graph baselines: training graph built and signals computed in %.1f s (shared by all "
                    + "five).%n", outcome.graphSetupSeconds());
        }
        OfflineEvaluation.RatingErrors errors = outcome.ratingErrors();
        out.printf(Locale.ROOT, "Rating prediction on this split: global-mean RMSE %.4f MAE %.4f; biases RMSE %.4f MAE "
                + "%.4f%n", errors.meanRmse(), errors.meanMae(), errors.biasRmse(), errors.biasMae());
        List<Object> rows = new ArrayList<>();
        rows.add(new RatingRow("global-mean", Map.of("rmse", errors.meanRmse(), "mae", errors.meanMae())));
        rows.add(new RatingRow("biases", Map.of("rmse", errors.biasRmse(), "mae", errors.biasMae())));
        rows.addAll(outcome.results());
        List<Interaction> all = outcome.all();
        writeJson(Map.of("path", path.toAbsolutePath().toString(), "ratings", all.size(),
                "users", all.stream().mapToLong(Interaction::userId).distinct().count(),
                "movies", all.stream().mapToLong(Interaction::movieId).distinct().count(),
                "train", outcome.split().train().size(), "test", outcome.split().test().size()), rows);
        return 0;
    }

    /** Rating prediction on ml-100k's u1–u5 folds: RMSE and MAE of each baseline, averaged over the folds. */
    private int folds(Map<String, RankerConfig> rankers) throws IOException {
        Map<String, FoldsProtocol.RatingPredictor> extra = new LinkedHashMap<>();
        rankers.forEach((name, config) -> extra.put(name, new RankerTrainer(config, signalsConfig)::ratingPredictions));
        List<FoldsProtocol.Errors> errors = FoldsProtocol.run(path, extra);
        PrintWriter out = spec.commandLine().getOut();
        for (int fold = 0; fold < FoldsProtocol.FOLDS; fold++) {
            for (FoldsProtocol.Errors e : errors) {
                out.printf(Locale.ROOT, "u%d %-14s RMSE %.4f MAE %.4f%n", fold + 1, e.model(), e.perFold()[fold][0],
                        e.perFold()[fold][1]);
            }
        }
        out.printf("folds (u1-u5) on %s: mean over %d folds%n%-16s%10s%10s%n", path, FoldsProtocol.FOLDS, "model", "rmse", "mae");
        List<Object> rows = new ArrayList<>();
        for (FoldsProtocol.Errors e : errors) {
            out.printf(Locale.ROOT, "%-16s%10.4f%10.4f%n", e.model(), e.meanRmse(), e.meanMae());
            rows.add(new RatingRow(e.model(), Map.of("rmse", e.meanRmse(), "mae", e.meanMae())));
        }
        writeJson(Map.of("path", path.toAbsolutePath().toString()), rows);
        return 0;
    }

    /** Offline replay of the live graph's logged answers, printed beside each variant's online figures. */
    private int replay() throws IOException {
        if (days < 1 || limit < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--days and --limit must be at least 1");
        }
        List<String> asked = spec.commandLine().getParseResult().hasMatchedOption("--models") ? models : List.of();
        Replay.Result result = replay.run(java.time.Duration.ofDays(days), asked,
                variants == null ? List.of() : variants, limit, liked);
        new ReplayTable(spec.commandLine().getOut()).print(result);
        if (json != null) {
            mapper.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), result);
        }
        return 0;
    }

    /** The --json document: {"dataset": {...}, "protocol": ..., "seed": ..., "models": [...]}. */
    private void writeJson(Map<String, Object> dataset, List<Object> models) throws IOException {
        if (json == null) {
            return;
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("dataset", dataset);
        doc.put("protocol", protocol);
        doc.put("seed", seed);
        doc.put("models", models);
        mapper.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), doc);
    }
}
