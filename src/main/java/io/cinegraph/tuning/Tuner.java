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
public record Tuner(SearchSpace space, Sampler sampler, Objective objective, RankerConfig base, LongSupplier clock,
                    Confirmation confirmation, int leaders) {

    private static final Logger LOG = Logger.getLogger(Tuner.class);

    /**
     * Why a run stopped, the study's trials (the resumed ones included), and the best trial against trial 0 on the
     * same validation users (null when the best is trial 0, or when either ran in an earlier run of a resumed study,
     * whose per-user figures are not journaled).
     */
    public record Outcome(List<TrialRecord> trials, String stopReason, Metrics.PairedDifference bestAgainstTrialZero,
                          Confirmed confirmed) {

        /** The complete trial with the best validation figure (ties: the earlier). */
        public Optional<TrialRecord> best() {
            return trials.stream().filter(TrialRecord::complete)
                    .max(Comparator.comparingDouble(TrialRecord::ndcg).thenComparing(t -> -t.number()));
        }

        /** The trial whose settings the profile takes: the confirmed one, or without a confirmation the best. */
        public Optional<TrialRecord> chosen() {
            return confirmed == null ? best() : Optional.of(trials.get(confirmed.chosen()));
        }
    }

    /**
     * The confirmation of the leading trials: trial 0 and each leader trained and scored again on the confirmation
     * data, each leader against trial 0 on the same users; the chosen trial and why.
     */
    public record Confirmed(List<Row> rows, int chosen, String reason) {

        /** One trial on the confirmation data (null figures and an error when it failed). */
        public record Row(int trial, double validationNdcg, Double ndcg, Double recall,
                          Metrics.PairedDifference againstTrialZero, String error) {
        }
    }

    public Tuner(SearchSpace space, Sampler sampler, Objective objective, RankerConfig base) {
        this(space, sampler, objective, base, System::nanoTime, null, 0);
    }

    Tuner(SearchSpace space, Sampler sampler, Objective objective, RankerConfig base, LongSupplier clock) {
        this(space, sampler, objective, base, clock, null, 0);
    }

    /**
     * This tuner with a confirmation stage after the search: the {@code leaders} best trials and trial 0 are scored
     * again on the confirmation data, and a leader is chosen only when it beats trial 0 there beyond noise (the 95 %
     * interval of the paired difference in NDCG@10 above 0); otherwise trial 0's settings stay. The search leaves
     * the time of {@code leaders + 1} trials in the budget for it.
     */
    public Tuner confirmedBy(Confirmation confirmation, int leaders) {
        return new Tuner(space, sampler, objective, base, clock, confirmation, leaders);
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
                // the confirmation: its leaders and trial 0, and about one trial's time to build its graph
                long reserve = confirmation == null ? 0 : (leaders + 2L) * (ranHere == 0 ? 0 : elapsed / ranHere);
                if (ranHere > 0 && elapsed + elapsed / ranHere + reserve > budget.toNanos()) {
                    stop = String.format(Locale.ROOT, "the next trial would end past the %.0f-minute budget (%d trial(s) "
                            + "run in %.1f min%s)", budget.toSeconds() / 60.0, ranHere, elapsed / 6e10,
                            reserve == 0 ? "" : String.format(Locale.ROOT, "; %.1f min kept for the confirmation", reserve / 6e10));
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
        Outcome partial = new Outcome(List.copyOf(done), stop, null, null);
        Metrics.PairedDifference paired = partial.best()
                .filter(b -> b.number() != 0 && byUser.containsKey(b.number()) && byUser.containsKey(0))
                .map(b -> Metrics.pairedDifference(byUser.get(b.number()), byUser.get(0))).orElse(null);
        return new Outcome(partial.trials(), stop, paired, confirmation == null ? null : confirm(partial.trials()));
    }

    /** Trial 0 and the leading trials on the confirmation data; the leader chosen, or trial 0. */
    private Confirmed confirm(List<TrialRecord> done) {
        TrialRecord zero = done.get(0);
        List<TrialRecord> leading = done.stream().filter(t -> t.complete() && t.number() != 0)
                .sorted(Comparator.comparingDouble(TrialRecord::ndcg).reversed().thenComparingInt(TrialRecord::number))
                .limit(leaders).toList();
        if (!zero.complete()) {
            return new Confirmed(List.of(), new Outcome(done, "", null, null).best().map(TrialRecord::number).orElse(0),
                    "trial 0 failed, so nothing could be confirmed against it: the best validation trial is taken");
        }
        if (leading.isEmpty()) {
            return new Confirmed(List.of(), 0, "no other trial completed: trial 0's settings stay");
        }
        List<Confirmed.Row> rows = new ArrayList<>();
        Objective.Score yardstick;
        try (io.cinegraph.support.Progress progress = io.cinegraph.support.Progress.items("Confirming",
                leading.size() + 1, " trials")) {
            yardstick = confirmOne(zero, rows);
            progress.step();
            for (TrialRecord leader : leading) {
                Objective.Score score = confirmOne(leader, rows);
                if (score != null && yardstick != null && score.ndcgByUser() != null && yardstick.ndcgByUser() != null) {
                    Confirmed.Row row = rows.remove(rows.size() - 1);
                    rows.add(new Confirmed.Row(row.trial(), row.validationNdcg(), row.ndcg(), row.recall(),
                            Metrics.pairedDifference(score.ndcgByUser(), yardstick.ndcgByUser()), null));
                }
                progress.step();
            }
        }
        if (yardstick == null) {
            return new Confirmed(List.copyOf(rows), 0, "trial 0 failed on the confirmation data: its settings stay");
        }
        Confirmed.Row winner = rows.stream().filter(r -> r.againstTrialZero() != null && r.againstTrialZero().low() > 0)
                .max(Comparator.comparingDouble(Confirmed.Row::ndcg)).orElse(null);
        String reason = winner == null
                ? String.format(Locale.ROOT, "no leader beat trial 0 on the confirmation data beyond noise (95 %% CI of "
                + "the NDCG@10 difference above 0): trial 0's settings stay (confirmation NDCG@10 %.4f)", yardstick.ndcg())
                : String.format(Locale.ROOT, "trial %d beat trial 0 on the confirmation data: NDCG@10 %.4f vs %.4f, "
                        + "difference %+.4f (95 %% CI %+.4f to %+.4f)", winner.trial(), winner.ndcg(), yardstick.ndcg(),
                winner.againstTrialZero().mean(), winner.againstTrialZero().low(), winner.againstTrialZero().high());
        LOG.info("Confirmation: " + reason);
        return new Confirmed(List.copyOf(rows), winner == null ? 0 : winner.trial(), reason);
    }

    /** One trial's settings on the confirmation data (appended to {@code rows}); null when it failed. */
    private Objective.Score confirmOne(TrialRecord trial, List<Confirmed.Row> rows) {
        long started = clock.getAsLong();
        try {
            Objective.Score score = confirmation.confirm(RankerConfigs.with(base, trial.settings(),
                    "confirm-" + trial.number()));
            if (!Double.isFinite(score.ndcg())) {
                throw new IllegalStateException("diverged: the confirmation figures are not numbers");
            }
            rows.add(new Confirmed.Row(trial.number(), trial.ndcg(), score.ndcg(), score.recall(), null, null));
            LOG.infof("Confirmation of trial %d in %.1f s: NDCG@10 %.4f (validation %.4f)", trial.number(),
                    (clock.getAsLong() - started) / 1e9, score.ndcg(), trial.ndcg());
            return score;
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            LOG.warnf(e, "Confirmation of trial %d failed", trial.number());
            rows.add(new Confirmed.Row(trial.number(), trial.ndcg(), null, null, null,
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return null;
        }
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
