package io.cinegraph.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cinegraph.graph.Graph;
import io.cinegraph.graph.GraphData;
import io.cinegraph.ranker.RankerConfig;
import io.cinegraph.signals.SignalsConfig;
import io.cinegraph.tuning.Journal;
import io.cinegraph.tuning.Profiles;
import io.cinegraph.tuning.Sampler;
import io.cinegraph.tuning.SearchSpace;
import io.cinegraph.tuning.TpeSampler;
import io.cinegraph.tuning.TrialRecord;
import io.cinegraph.tuning.Tuner;
import io.cinegraph.tuning.TuningReport;
import io.cinegraph.tuning.ValidationObjective;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "tune", mixinStandardHelpOptions = true,
        description = {"Search the ranker's settings (network, training, candidate generators) on validation data and "
                + "save the best as a profile (see docs/tuning.md).",
                "Only the training part of evaluate's last-fraction split is used: each user's latest "
                        + "--validation-fraction of it is the validation part, so 'evaluate' afterwards is still an honest test.",
                "Trial 0 is the current settings; each trial is written to the journal, and a killed run resumes from it."})
public class TuneCommand implements Callable<Integer> {

    @Option(names = "--path", paramLabel = "DIR",
            description = "A local MovieLens copy; without it, the graph's own ratings (read once; with the embedded "
                    + "database, stop the service first).")
    Path path;

    @Option(names = "--trials", defaultValue = "40", description = "Trials in the study, trial 0 (the current settings) "
            + "and resumed ones included (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--budget", defaultValue = "45m", converter = DurationConverter.class,
            description = "Wall time of this run, e.g. 45m, 2h, 1h30m, 90s: no trial starts that would end past it "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration budget;

    @Option(names = "--space", paramLabel = "FILE",
            description = "The search space, a JSON array laid out as the built-in one (src/main/resources/"
                    + SearchSpace.BUILT_IN + ", docs/tuning.md): narrow ranges, or search fewer settings.")
    Path space;

    @Option(names = "--sampler", defaultValue = "tpe",
            description = "tpe (Tree-structured Parzen Estimator, learns from finished trials) or random (default: ${DEFAULT-VALUE}).")
    String sampler;

    @Option(names = "--startup-trials", defaultValue = "10",
            description = "tpe: seeded random trials before the estimator takes over (default: ${DEFAULT-VALUE}).")
    int startup;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the sampler (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--fraction", defaultValue = "0.2",
            description = "The test share that evaluate's last-fraction protocol holds out, never seen here (default: ${DEFAULT-VALUE}).")
    double fraction;

    @Option(names = "--validation-fraction", defaultValue = "0.2",
            description = "Each user's latest share of the remaining ratings scored by each trial (default: ${DEFAULT-VALUE}).")
    double validationFraction;

    @Option(names = "--confirm", defaultValue = "3", paramLabel = "N",
            description = {"After the search, train the N best trials and trial 0 again on confirmation data no trial was "
                    + "scored on (each user's latest --validation-fraction of the trial-training ratings) and take a "
                    + "leader only if it beats trial 0 there beyond noise (95 % CI above 0); otherwise the profile keeps "
                    + "trial 0's settings. Time for it is kept in the budget (default: ${DEFAULT-VALUE}; 0: off, the best "
                    + "validation trial is taken)."})
    int confirm;

    @Option(names = "--journal", paramLabel = "FILE",
            description = "The study's journal (default: <model-dir>/tuning/<dataset>-<sampler>-<seed>.jsonl).")
    Path journal;

    @Option(names = "--profile", defaultValue = "tuned",
            description = "Save the best trial's settings as this profile, <model-dir>/profiles/NAME.properties "
                    + "(default: ${DEFAULT-VALUE}); activate it with cinegraph.ranker.profile=NAME.")
    String profile;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write {\"trials\":[...], \"best\":{...}} as JSON.")
    Path json;

    @Option(names = "--report", paramLabel = "DIR", description = "Also write an HTML report (index.html).")
    Path report;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Inject ObjectMapper mapper;
    @Inject RankerConfig rankerConfig;
    @Inject SignalsConfig signalsConfig;

    @Inject Graph graph;

    @Override
    public Integer call() throws Exception {
        if (confirm < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--confirm must be 0 or more, got " + confirm);
        }
        if (trials < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--trials must be at least 1, got " + trials);
        }
        Profiles.file(Path.of(rankerConfig.modelDir()), profile); // a bad name fails before hours of work
        SearchSpace searched = space == null ? SearchSpace.ranker() : SearchSpace.read(space);
        Sampler chosen = switch (sampler) {
            case "tpe" -> new TpeSampler(searched, seed, startup);
            case "random" -> Sampler.random(searched, seed);
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "--sampler must be tpe or random, got '" + sampler + "'");
        };
        Path dataset = path == null ? null : path.toAbsolutePath().normalize();
        GraphData live = dataset == null ? GraphData.read(graph) : null;
        if (live != null && live.ratings().isEmpty()) {
            throw new IllegalArgumentException("the graph holds no ratings: import a dataset first, or give --path");
        }
        String source = dataset != null ? dataset.toString()
                : String.format(Locale.ROOT, "the graph's %,d ratings up to %d", live.ratings().size(),
                live.ratings().stream().mapToLong(io.cinegraph.domain.Interaction::timestamp).max().orElse(0));
        Path journalFile = journal != null ? journal : Path.of(rankerConfig.modelDir(), "tuning",
                (dataset != null ? dataset.getFileName().toString() : "graph") + "-" + sampler + "-" + seed + ".jsonl");
        Journal.Study study = new Journal.Study(String.format(Locale.ROOT, "%s (test %s, validation %s)", source,
                fraction, validationFraction), chosen.name(), seed, searched.ranges());
        Journal opened = Journal.open(journalFile, study);
        Tuner.Outcome outcome;
        try (ValidationObjective objective = dataset != null
                ? ValidationObjective.overDataset(dataset, fraction, validationFraction, signalsConfig, seed)
                : ValidationObjective.overGraph(live, fraction, validationFraction, signalsConfig, seed)) {
            spec.commandLine().getOut().printf(Locale.ROOT, "Tuning on %s: %,d ratings train the trials, %,d validate them; "
                            + "the %,d of the test part are never read%n", source, objective.split().train().size(),
                    objective.split().validation().size(), objective.split().test().size());
            Tuner tuner = new Tuner(searched, chosen, objective, rankerConfig);
            if (confirm > 0) {
                int[] sizes = objective.confirmationSizes();
                spec.commandLine().getOut().printf(Locale.ROOT, "Confirmation after the search: the %d best trials and "
                        + "trial 0 trained on %,d ratings and scored on %,d others (neither validation nor test)%n",
                        confirm, sizes[0], sizes[1]);
                tuner = tuner.confirmedBy(objective, confirm);
            }
            outcome = tuner.run(opened, trials, budget);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(TuningReport.table(outcome.trials()));
        out.printf(Locale.ROOT, "Stopped: %s. Journal: %s%n", outcome.stopReason(), journalFile.toAbsolutePath());
        TrialRecord defaults = outcome.trials().get(0);
        Path profileFile = null;
        if (outcome.best().isPresent()) {
            TrialRecord best = outcome.best().get();
            out.printf(Locale.ROOT, "Best: trial %d, validation NDCG@10 %.4f Recall@20 %.4f (defaults, trial 0: %s)%n",
                    best.number(), best.ndcg(), best.recall(), defaults.complete()
                            ? String.format(Locale.ROOT, "NDCG@10 %.4f Recall@20 %.4f", defaults.ndcg(), defaults.recall()) : "failed");
            var paired = outcome.bestAgainstTrialZero();
            if (paired != null) {
                out.printf(Locale.ROOT, "Best against trial 0 on the same %,d validation users: NDCG@10 %+.4f (95 %% CI %+.4f to "
                        + "%+.4f): %s%n", paired.n(), paired.mean(), paired.low(), paired.high(), paired.significant()
                        ? "significant" : "not significant: the lead may be noise; compare on the test part with evaluate --profile");
            }
            Tuner.Confirmed confirmed = outcome.confirmed();
            if (confirmed != null) {
                out.print(TuningReport.confirmationTable(confirmed));
                out.println("Chosen: " + confirmed.reason());
            }
            TrialRecord taken = outcome.chosen().orElse(best);
            profileFile = Profiles.write(Path.of(rankerConfig.modelDir()), profile, taken.settings(), String.format(Locale.ROOT,
                    "Written by 'tune' (sampler %s, seed %d) on %s%nBest of %d trials: trial %d, validation NDCG@10 %.4f, Recall@20 %.4f%n"
                            + "Taken: trial %d%s", chosen.name(), seed, study.dataset(), outcome.trials().size(), best.number(),
                    best.ndcg(), best.recall(), taken.number(), confirmed == null ? " (no confirmation)" : ": " + confirmed.reason()));
            out.printf("Profile '%s' saved in %s; train with it: -Dcinegraph.ranker.profile=%s; compare: evaluate --profile default,%s%n",
                    profile, profileFile.toAbsolutePath(), profile, profile);
        } else {
            out.println("No trial completed: no profile written.");
        }
        if (json != null) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("study", study);
            doc.put("stop", outcome.stopReason());
            doc.put("trials", outcome.trials());
            doc.put("best", outcome.best().orElse(null));
            doc.put("defaults", defaults);
            doc.put("bestSoFar", TuningReport.bestSoFar(outcome.trials()));
            doc.put("bestAgainstDefaults", outcome.bestAgainstTrialZero());
            doc.put("confirmation", outcome.confirmed());
            doc.put("chosen", outcome.chosen().orElse(null));
            doc.put("profile", profileFile == null ? null : profileFile.toAbsolutePath().toString());
            mapper.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), doc);
        }
        if (report != null) {
            out.println("Report: " + TuningReport.write(report, "tune (" + chosen.name() + ") on " + source, searched,
                    outcome.trials()).toAbsolutePath());
        }
        return outcome.best().isPresent() ? 0 : CineGraphCommand.EXIT_FAILURE;
    }

    /** 45m, 2h, 1h30m, 90s, or ISO-8601 (PT45M). */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String v = value.strip().toUpperCase(Locale.ROOT);
            try {
                Duration d = Duration.parse(v.startsWith("P") ? v : "PT" + v);
                if (d.isNegative() || d.isZero()) {
                    throw new CommandLine.TypeConversionException("a budget must be positive, got '" + value + "'");
                }
                return d;
            } catch (java.time.format.DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a duration (e.g. 45m, 2h, 1h30m, 90s)");
            }
        }
    }
}
