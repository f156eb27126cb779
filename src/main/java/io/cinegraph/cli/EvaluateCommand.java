package io.cinegraph.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cinegraph.evaluation.Evaluator;
import io.cinegraph.evaluation.ItemItemRecommender;
import io.cinegraph.evaluation.GraphBaselines;
import io.cinegraph.domain.Interaction;
import io.cinegraph.evaluation.Metrics;
import io.cinegraph.evaluation.MostPopular;
import io.cinegraph.model.RatingBaselines;
import io.cinegraph.evaluation.Recommender;
import io.cinegraph.evaluation.Split;
import io.cinegraph.evaluation.Splitter;
import io.cinegraph.model.TrainingData;
import io.cinegraph.ingest.DatasetFormat;
import io.cinegraph.ingest.DatasetReader;
import io.cinegraph.ingest.RowSink;
import io.cinegraph.domain.Rows;
import io.cinegraph.ingest.SourcePosition;
import io.cinegraph.ranker.RankerConfig;
import io.cinegraph.ranker.RankerRecommender;
import io.cinegraph.ranker.RankerTrainer;
import io.cinegraph.signals.SignalsConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
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
                "  folds           ml-100k's own u1-u5 base/test files, for rating prediction (global mean, biases)",
                "Full ranking scores every catalogue movie the user has not rated in training; ties by movie id."})
public class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--path", required = true, paramLabel = "DIR", description = "A local MovieLens copy.")
    Path path;

    @Option(names = "--protocol", defaultValue = "last-fraction",
            description = "leave-last-out, last-fraction or temporal (default: ${DEFAULT-VALUE}).")
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
                    "The neural ranker, trained on that graph: ranker."})
    List<String> models;

    @Option(names = "--graph-depth", defaultValue = "100",
            description = "How many movies each graph baseline ranks per user; the rest follow tied (default: ${DEFAULT-VALUE}).")
    int graphDepth;

    @Option(names = "--ease-lambda", defaultValue = "250", description = "EASE's L2 weight λ (default: ${DEFAULT-VALUE}).")
    double easeLambda;

    @Option(names = "--knn-k", defaultValue = "200", description = "Neighbours kept by item-kNN cosine (default: ${DEFAULT-VALUE}).")
    int knnK;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON.")
    Path json;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Also write an HTML report (index.html: table, bars per model, NDCG by user activity, popularity).")
    Path report;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private static final List<String> GRAPH_MODELS = List.of("user-knn", "item-knn", "genre", "cohort", "popular", "ranker");

    private final ObjectMapper mapper;
    private final SignalsConfig signalsConfig;
    private final RankerConfig rankerConfig;

    public EvaluateCommand(ObjectMapper mapper, SignalsConfig signalsConfig, RankerConfig rankerConfig) {
        this.mapper = mapper;
        this.signalsConfig = signalsConfig;
        this.rankerConfig = rankerConfig;
    }

    @Override
    public Integer call() throws IOException {
        if (protocol.equals("folds")) {
            return folds();
        }
        Splitter splitter = switch (protocol) {
            case "leave-last-out" -> Splitter.leaveLastOut();
            case "last-fraction" -> Splitter.lastFraction(fraction);
            case "temporal" -> Splitter.temporal(fraction);
            case "cold-start" -> Splitter.coldStart(coldUsers, coldKeep, seed);
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "--protocol must be leave-last-out, last-fraction, temporal, cold-start or folds, got '" + protocol + "'");
        };
        for (String name : models) {
            if (!List.of("most-popular", "item-knn-cosine", "ease").contains(name.strip())
                    && !GRAPH_MODELS.contains(name.strip())) {
                throw new CommandLine.ParameterException(spec.commandLine(), "unknown model '" + name
                        + "': choose among most-popular, item-knn-cosine, ease, " + String.join(", ", GRAPH_MODELS));
            }
        }
        List<Interaction> all = read(path);
        Split split = splitter.split(all);
        boolean needsGraph = models.stream().map(String::strip).anyMatch(GRAPH_MODELS::contains);
        List<Evaluator.ModelResult> results;
        Double graphSetup = null;
        try (GraphBaselines graph = needsGraph ? new GraphBaselines(path, split.train(), signalsConfig) : null) {
            List<Recommender> chosen = new ArrayList<>();
            for (String name : models) {
                chosen.add(switch (name.strip()) {
                    case "most-popular" -> new MostPopular();
                    case "item-knn-cosine" -> ItemItemRecommender.itemKnnCosine(knnK);
                    case "ease" -> ItemItemRecommender.ease(easeLambda);
                    case "ranker" -> new RankerRecommender(graph.graph(), rankerConfig, signalsConfig);
                    default -> graph.recommender(name.strip(), graphDepth);
                });
            }
            results = new Evaluator(k, negatives, seed).withCohorts(cohorts(path)).run(all, split, chosen);
            graphSetup = graph == null ? null : graph.setupSeconds();
            print(spec.commandLine().getOut(), split, all, results);
            for (Recommender model : chosen) {
                if (model instanceof RankerRecommender ranker && split.protocol().equals("cold-start")) {
                    statedPreferences(ranker, all, split, cohorts(path));
                }
            }
        }
        if (report != null) {
            Path file = io.cinegraph.evaluation.Report.write(report, split.protocol() + " on " + path, results, k);
            spec.commandLine().getOut().println("Report: " + file.toAbsolutePath());
        }
        if (graphSetup != null) {
            spec.commandLine().getOut().printf(Locale.ROOT,
                    "Graph baselines: training graph built and signals computed in %.1f s (shared by all five).%n",
                    graphSetup);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        RatingBaselines biases = RatingBaselines.fit(split.train(), RatingBaselines.EPOCHS, RatingBaselines.ITEM_REG,
                RatingBaselines.USER_REG);
        double[] actual = split.test().stream().mapToDouble(Interaction::rating).toArray();
        double[] meanPredictions = split.test().stream().mapToDouble(i -> biases.globalMean()).toArray();
        double[] biasPredictions = split.test().stream().mapToDouble(i -> biases.predict(i.userId(), i.movieId())).toArray();
        spec.commandLine().getOut().printf(Locale.ROOT, "Rating prediction on this split: global-mean RMSE %.4f MAE %.4f; "
                        + "biases RMSE %.4f MAE %.4f%n", Metrics.rmse(meanPredictions, actual), Metrics.mae(meanPredictions, actual),
                Metrics.rmse(biasPredictions, actual), Metrics.mae(biasPredictions, actual));
        rows.add(Map.of("name", "global-mean", "rating", Map.of("rmse", Metrics.rmse(meanPredictions, actual),
                "mae", Metrics.mae(meanPredictions, actual))));
        rows.add(Map.of("name", "biases", "rating", Map.of("rmse", Metrics.rmse(biasPredictions, actual),
                "mae", Metrics.mae(biasPredictions, actual))));
        for (Evaluator.ModelResult r : results) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", r.name());
            row.put("full", r.full());
            row.put("sampled", r.sampled());
            row.put("ndcgByActivity", r.ndcgByActivity());
            row.put("ndcgByCohort", r.ndcgByCohort());
            row.put("trainSeconds", r.trainSeconds());
            rows.add(row);
        }
        writeJson(Map.of("path", path.toAbsolutePath().toString(), "ratings", all.size(),
                "users", all.stream().mapToLong(Interaction::userId).distinct().count(),
                "movies", all.stream().mapToLong(Interaction::movieId).distinct().count(),
                "train", split.train().size(), "test", split.test().size()), rows);
        return 0;
    }

    /**
     * The cold users again, as brand-new users who give only their demographics and three liked genres (their
     * three most frequent genres among the movies they rated 4 or more, as they would state them when signing
     * up): NDCG@k over all their ratings, for the ranker (no ratings, no user embedding), most-popular, and the
     * popularity within the user's gender × age-band cohort (users without demographics: most-popular).
     */
    private void statedPreferences(RankerRecommender ranker, List<Interaction> all, Split split,
                                   Map<Long, String> cohortOfUser) {
        TrainingData data = new TrainingData(split.train(), all);
        Map<Long, java.util.Set<Long>> relevant = new java.util.TreeMap<>();
        java.util.Set<Long> cold = new java.util.HashSet<>();
        split.test().forEach(i -> cold.add(i.userId()));
        all.stream().filter(i -> cold.contains(i.userId()))
                .forEach(i -> relevant.computeIfAbsent(i.userId(), u -> new java.util.HashSet<>()).add(i.movieId()));
        double[] popular = new double[data.items()];
        Map<String, double[]> byCohort = new java.util.HashMap<>();
        for (Interaction i : split.train()) {
            int item = data.itemIndex(i.movieId());
            popular[item]++;
            String cohort = cohortOfUser.get(i.userId());
            if (cohort != null) {
                byCohort.computeIfAbsent(cohort, c -> new double[data.items()])[item]++;
            }
        }
        Map<Long, List<String>> genresOf = movieGenres(path);
        double rankerSum = 0;
        double popularSum = 0;
        double cohortSum = 0;
        for (Map.Entry<Long, java.util.Set<Long>> e : relevant.entrySet()) {
            Map<String, Integer> liked = new java.util.TreeMap<>();
            all.stream().filter(i -> i.userId() == e.getKey() && i.rating() >= 4)
                    .forEach(i -> genresOf.getOrDefault(i.movieId(), List.of()).forEach(g -> liked.merge(g, 1, Integer::sum)));
            List<String> three = io.cinegraph.ranker.StatedPreferences.mostFrequent(liked, 3);
            rankerSum += Metrics.ndcg(Evaluator.rank(ranker.statedPreferenceScores(e.getKey(), three), data), e.getValue(), k);
            popularSum += Metrics.ndcg(Evaluator.rank(popular, data), e.getValue(), k);
            double[] cohort = byCohort.getOrDefault(cohortOfUser.get(e.getKey()), popular);
            cohortSum += Metrics.ndcg(Evaluator.rank(cohort, data), e.getValue(), k);
        }
        int users = relevant.size();
        spec.commandLine().getOut().printf(Locale.ROOT, "New users with demographics + 3 liked genres only (%d users): "
                        + "NDCG@%d ranker %.4f, most-popular %.4f, gender x age-band cohort popularity %.4f%n", users, k,
                rankerSum / users, popularSum / users, cohortSum / users);
    }

    private static Map<Long, List<String>> movieGenres(Path dir) {
        Map<Long, List<String>> out = new java.util.HashMap<>();
        try {
            DatasetFormat.open(dir).movies(new RowSink<>() {
                @Override
                public void accept(Rows.MovieRow m, SourcePosition position, String rawLine) {
                    out.put(m.movieId(), m.genres());
                }

                @Override
                public void reject(SourcePosition position, String reason, String rawLine) {
                    // a malformed movie row only loses that movie's genres
                }
            }, bytes -> { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Rating prediction on ml-100k's u1–u5 folds: RMSE and MAE of each baseline, averaged over the folds. */
    private int folds() throws IOException {
        DatasetReader reader = DatasetFormat.open(path);
        int folds = 5;
        boolean withRanker = models.stream().map(String::strip).anyMatch("ranker"::equals);
        String[] names = withRanker ? new String[]{"global-mean", "biases", "ranker"} : new String[]{"global-mean", "biases"};
        double[][] sums = new double[names.length][2];
        for (int fold = 1; fold <= folds; fold++) {
            List<Interaction> base = new ArrayList<>();
            List<Interaction> test = new ArrayList<>();
            reader.foldRatings(fold, false, collector(base));
            reader.foldRatings(fold, true, collector(test));
            RatingBaselines biases = RatingBaselines.fit(base, RatingBaselines.EPOCHS, RatingBaselines.ITEM_REG,
                    RatingBaselines.USER_REG);
            double[] actual = test.stream().mapToDouble(Interaction::rating).toArray();
            List<double[]> predictions = new ArrayList<>();
            predictions.add(test.stream().mapToDouble(i -> biases.globalMean()).toArray());
            predictions.add(test.stream().mapToDouble(i -> biases.predict(i.userId(), i.movieId())).toArray());
            if (withRanker) {
                predictions.add(new RankerTrainer(rankerConfig, signalsConfig).ratingPredictions(base, test));
            }
            for (int m = 0; m < names.length; m++) {
                double rmse = Metrics.rmse(predictions.get(m), actual);
                double mae = Metrics.mae(predictions.get(m), actual);
                sums[m][0] += rmse;
                sums[m][1] += mae;
                spec.commandLine().getOut().printf(Locale.ROOT, "u%d %-14s RMSE %.4f MAE %.4f%n", fold, names[m], rmse, mae);
            }
        }
        var out = spec.commandLine().getOut();
        out.printf("folds (u1-u5) on %s: mean over %d folds%n%-16s%10s%10s%n", path, folds, "model", "rmse", "mae");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int m = 0; m < names.length; m++) {
            out.printf(Locale.ROOT, "%-16s%10.4f%10.4f%n", names[m], sums[m][0] / folds, sums[m][1] / folds);
            rows.add(Map.of("name", names[m], "rating", Map.of("rmse", sums[m][0] / folds, "mae", sums[m][1] / folds)));
        }
        writeJson(Map.of("path", path.toAbsolutePath().toString()), rows);
        return 0;
    }

    /** The --json document: {"dataset": {...}, "protocol": ..., "seed": ..., "models": [...]}. */
    private void writeJson(Map<String, Object> dataset, List<Map<String, Object>> models) throws IOException {
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

    /** Each user's demographic cohort, "gender age-band" (e.g. "F 25-34"), where the dataset has demographics. */
    private static Map<Long, String> cohorts(Path dir) throws IOException {
        Map<Long, String> out = new java.util.HashMap<>();
        DatasetFormat.open(dir).users(new RowSink<>() {
            @Override
            public void accept(Rows.UserRow u, SourcePosition position, String rawLine) {
                if (u.gender() != null && u.age() != null) {
                    out.put(u.userId(), u.gender() + " " + ageBand(u.age()));
                }
            }

            @Override
            public void reject(SourcePosition position, String reason, String rawLine) {
                // a malformed user row only loses that user's cohort label
            }
        }, bytes -> { });
        return out;
    }

    /** ml-1m's age bands, also applied to ml-100k's exact ages. */
    private static String ageBand(int age) {
        return age < 18 ? "<18" : age < 25 ? "18-24" : age < 35 ? "25-34" : age < 45 ? "35-44"
                : age < 50 ? "45-49" : age < 56 ? "50-55" : "56+";
    }

    private static RowSink<Rows.RatingRow> collector(List<Interaction> into) {
        return new RowSink<>() {
            @Override
            public void accept(Rows.RatingRow r, SourcePosition position, String rawLine) {
                into.add(new Interaction(r.userId(), r.movieId(), r.rating(), r.ratedAt()));
            }

            @Override
            public void reject(SourcePosition position, String reason, String rawLine) {
                throw new io.cinegraph.ingest.DatasetException(position + ": " + reason);
            }
        };
    }

    private static List<Interaction> read(Path dir) throws IOException {
        DatasetReader reader = DatasetFormat.open(dir);
        List<Interaction> all = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        reader.ratings(new RowSink<>() {
            @Override
            public void accept(Rows.RatingRow r, SourcePosition position, String rawLine) {
                all.add(new Interaction(r.userId(), r.movieId(), r.rating(), r.ratedAt()));
            }

            @Override
            public void reject(SourcePosition position, String reason, String rawLine) {
                errors.add(position + ": " + reason);
            }
        }, bytes -> { });
        if (!errors.isEmpty()) {
            throw new io.cinegraph.ingest.DatasetException(errors.size() + " bad rating rows, first: " + errors.get(0));
        }
        return all;
    }

    private void print(PrintWriter out, Split split, List<Interaction> all, List<Evaluator.ModelResult> results) {
        out.printf(Locale.ROOT, "%s on %s: %,d ratings, %,d train, %,d test (k = %d, seed %d)%n", split.protocol(), path,
                all.size(), split.train().size(), split.test().size(), k, seed);
        List<String> keys = new ArrayList<>(results.get(0).full().keySet());
        List<String> sampledKeys = new ArrayList<>(results.get(0).sampled().keySet());
        StringBuilder header = new StringBuilder(String.format("%-16s", "model"));
        keys.forEach(key -> header.append(String.format("%14s", key)));
        sampledKeys.forEach(key -> header.append(String.format("%16s", "sampled " + key)));
        header.append(String.format("%10s", "train s"));
        out.println(header);
        for (Evaluator.ModelResult r : results) {
            StringBuilder line = new StringBuilder(String.format("%-16s", r.name()));
            keys.forEach(key -> line.append(String.format(Locale.ROOT, "%14.4f", r.full().get(key))));
            sampledKeys.forEach(key -> line.append(String.format(Locale.ROOT, "%16.4f", r.sampled().get(key))));
            line.append(String.format(Locale.ROOT, "%10.1f", r.trainSeconds()));
            out.println(line);
        }
        if (!results.get(0).ndcgByCohort().isEmpty()) {
            out.println("NDCG@" + k + " by demographic cohort (gender, age band):");
            for (Evaluator.ModelResult r : results) {
                StringBuilder line = new StringBuilder(String.format("  %-16s", r.name()));
                r.ndcgByCohort().forEach((slice, v) -> line.append(String.format(Locale.ROOT, "  %s %.4f", slice, v)));
                out.println(line);
            }
        }
        out.println("NDCG@" + k + " by training activity (users' training ratings):");
        for (Evaluator.ModelResult r : results) {
            StringBuilder line = new StringBuilder(String.format("  %-16s", r.name()));
            r.ndcgByActivity().forEach((slice, v) -> line.append(String.format(Locale.ROOT, "  %s %.4f", slice, v)));
            out.println(line);
        }
    }
}
