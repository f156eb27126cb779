package io.cinegraph.cli;

import io.cinegraph.ranker.ModelInfo;
import io.cinegraph.ranker.RankerConfig;
import io.cinegraph.ranker.RankerModel;
import io.cinegraph.support.Memory;
import io.cinegraph.training.ModelRegistry;
import io.cinegraph.training.TrainingService;
import io.cinegraph.tuning.Profiles;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train the neural ranker from the graph (every rating in it), save it as a new model version "
                + "and make it the active one.",
                "Recomputes the graph signals first (serving reads them), unless --skip-signals. See docs/ranker.md."})
public class TrainCommand implements Callable<Integer> {

    @Option(names = "--skip-signals", description = "Do not recompute the graph signals first.")
    boolean skipSignals;

    @Option(names = "--no-activate", description = "Save the model without making it the active one.")
    boolean noActivate;

    @Option(names = "--profile", paramLabel = "NAME", description = {"Train with this tuning profile's settings "
            + "(<model-dir>/profiles/NAME.properties, see tune; 'default' the built-in ones) instead of the active "
            + "profile's (cinegraph.ranker.profile).",
            "With --no-activate, the model can then serve an A/B variant: {\"model\": \"profile:NAME\"}."})
    String profile;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Inject TrainingService training;
    @Inject ModelRegistry registry;
    @Inject RankerConfig config;

    @Override
    public Integer call() {
        RankerModel model = profile == null ? training.train(!skipSignals)
                : training.train(!skipSignals, Profiles.config(config, profile.strip()));
        if (noActivate) {
            registry.store().save(model);
        } else {
            registry.promote(model, config.keepModels());
        }
        ModelInfo info = model.info();
        var out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "Model %s trained in %.1f s on %,d ratings (%,d users, %,d movies), fingerprint %s%n",
                info.version(), info.trainSeconds(), info.ratings(), info.users(), info.movies(), info.datasetFingerprint());
        out.printf(Locale.ROOT, "Validation: NDCG@10 %.4f (each user's latest target and held-out cold users, epoch %.0f), "
                        + "rating RMSE %.4f (held-out ratings)%n", info.validation().get("ndcg@10"),
                info.validation().get("epochs"), info.validation().get("ratingRmse"));
        out.printf(Locale.ROOT, "Saved in %s%s; profile %s; peak heap %.0f MiB%n",
                registry.store().location(info.version()), noActivate ? "" : " (active)",
                info.hyperParameters().get("profile"),
                Memory.peakHeapMiB());
        return 0;
    }
}
