package io.cinegraph.tuning;

import io.cinegraph.evaluation.Metrics;
import io.cinegraph.ranker.RankerConfig;
import io.cinegraph.ranker.RankerConfigs;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Runs a study: trial 0 is the base configuration's own settings (the defaults, the yardstick), each later trial
 * the sampler's proposal; every trial is trained and scored by the {@link Objective} and written to the
 * {@link Journal} before the next begins. Stops at {@code trials} trials in the study or when the next trial
 * would end past the wall-time budget (judged by this run's mean trial time), whichever comes first. A trial that
 * throws, runs out of memory or scores NaN is recorded as failed and the search goes on.
 */
public final class Tuner {

    private static final Logger LOG = Logger.getLogger(Tuner.class);

    /**
     * Why a run stopped, the study's trials (the resumed ones included), and the best trial against trial 0 on the
     * same validation users (null when the best is trial 0, or when either ran in an earlier run of a resumed study,
     * whose per-user figures are not journaled).
     */
    public record Outcome(List<TrialRecord> trials, String stopReason, Metrics.PairedDifference bestAgainstTrialZero) {

        public Optional<TrialRecord> best() {
            return trials.stream().filter(TrialRecord::complete)
                    .max(Comparator.comparingDouble(TrialRecord::ndcg).thenComparing(t -> -t.number()));
        }
    }

    private final SearchSpace space;
    private final Sampler sampler;
    private final Objective objective;
    private final RankerConfig base;
    private final LongSupplier clock;

    public Tuner(SearchSpace space, Sampler sampler, Objective objective, RankerConfig base) {
        this(space, sampler, objective, base, System::nanoTime);
    }

    Tuner(SearchSpace space, Sampler sampler, Objective objective, RankerConfig base, LongSupplier clock) {
        this.space = space;
        this.sampler = sampler;
        this.objective = objective;
        this.base = base;
        this.clock = clock;
    }

    public Outcome run(Journal journal, int trials, Duration budget) {
        long started = clock.getAsLong();
        int ranHere = 0;
        Map<Integer, double[]> byUser = new java.util.HashMap<>();
        List<TrialRecord> done = new ArrayList<>(journal.trials());
        if (!done.isEmpty()) {
            LOG.infof("Resuming %s: %d trial(s) already in the journal, best NDCG@10 %s", journal.file(), done.size(),
                    best(done));
        }
        String stop = "the study has its " + trials + " trials";
        try (io.cinegraph.support.Progress progress = io.cinegraph.support.Progress.items("Tuning", trials, " trials")) {
            progress.stepTo(done.size());
            while (done.size() < trials) {
                long elapsed = clock.getAsLong() - started;
                if (ranHere > 0 && elapsed + elapsed / ranHere > budget.toNanos()) {
                    stop = String.format(Locale.ROOT, "the next trial would end past the %.0f-minute budget (%d trial(s) "
                            + "run in %.1f min)", budget.toSeconds() / 60.0, ranHere, elapsed / 6e10);
                    break;
                }
                int number = done.size();
                Map<String, String> settings = number == 0 ? RankerConfigs.values(base, space.keys())
                        : sampler.propose(number, List.copyOf(done));
                TrialRecord trial = runTrial(number, settings, byUser);
                journal.append(trial);
                done.add(trial);
                ranHere++;
                progress.stepTo(done.size());
                double perTrial = (clock.getAsLong() - started) / 1e9 / ranHere;
                LOG.infof("Trial %d/%d %s in %.1f s; best NDCG@10 so far %s; ETA %.1f min", number + 1, trials,
                        trial.complete() ? String.format(Locale.ROOT, "NDCG@10 %.4f Recall@20 %.4f", trial.ndcg(), trial.recall())
                                : "FAILED (" + trial.error() + ")", trial.seconds(), best(done),
                        Math.min((trials - done.size()) * perTrial,
                                Math.max(0, budget.toNanos() - (clock.getAsLong() - started)) / 1e9) / 60);
            }
        }
        if (done.size() >= trials) {
            stop = "the study has its " + trials + " trials";
        }
        Outcome partial = new Outcome(List.copyOf(done), stop, null);
        Metrics.PairedDifference paired = partial.best()
                .filter(b -> b.number() != 0 && byUser.containsKey(b.number()) && byUser.containsKey(0))
                .map(b -> Metrics.pairedDifference(byUser.get(b.number()), byUser.get(0))).orElse(null);
        return new Outcome(partial.trials(), stop, paired);
    }

    private TrialRecord runTrial(int number, Map<String, String> settings, Map<Integer, double[]> byUser) {
        long started = clock.getAsLong();
        try {
            RankerConfig config = RankerConfigs.with(base, settings, "trial-" + number);
            Objective.Score score = objective.evaluate(config);
            double seconds = (clock.getAsLong() - started) / 1e9;
            if (!Double.isFinite(score.ndcg()) || !Double.isFinite(score.recall())) {
                return TrialRecord.failed(number, settings, "diverged: the validation figures are not numbers", seconds);
            }
            if (score.ndcgByUser() != null) {
                byUser.put(number, score.ndcgByUser());
            }
            return TrialRecord.complete(number, settings, score.ndcg(), score.recall(), seconds);
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            LOG.warnf(e, "Trial %d failed", number);
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
            return TrialRecord.failed(number, settings, message, (clock.getAsLong() - started) / 1e9);
        }
    }

    private static String best(List<TrialRecord> trials) {
        return trials.stream().filter(TrialRecord::complete).max(Comparator.comparingDouble(TrialRecord::ndcg))
                .map(t -> String.format(Locale.ROOT, "%.4f (trial %d)", t.ndcg(), t.number())).orElse("none yet");
    }
}
