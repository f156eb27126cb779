package io.cinegraph.tuning;

import io.cinegraph.ranker.RankerConfig;
import io.cinegraph.ranker.TestRankerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The search loop on a fake objective: journal, resumption, failures, budget, and the samplers against each other. */
class TunerTest {

    @TempDir
    Path tmp;

    private final SearchSpace space = SearchSpace.ranker();
    private final RankerConfig base = TestRankerConfig.small(Path.of("unused"));

    /**
     * A smooth objective with one best region: learning rate near 0.003, L2 small, embedding 32, EASE λ near 400,
     * 200 random negatives; the other settings add a little. Its maximum is 1.
     */
    static double planted(RankerConfig c) {
        double lr = Math.log10(c.learningRate() / 0.003);
        double lambda = Math.log10(c.easeLambda() / 400);
        double negatives = Math.log10(c.randomNegatives() / 200.0);
        double l2 = Math.log10(c.l2() / 1e-6) / 3;
        double embedding = c.embeddingSize() == 32 ? 0 : 0.15;
        return 1 - lr * lr - lambda * lambda - negatives * negatives - 0.2 * l2 * l2 - embedding
                - 0.05 * Math.abs(c.targetFraction() - 0.25);
    }

    private static Journal.Study study(String sampler, long seed) {
        return new Journal.Study("fake", sampler, seed, SearchSpace.ranker().keys());
    }

    @Test
    void trialZeroIsTheBaseSettingsAndEveryTrialIsJournaled() throws Exception {
        Path file = tmp.resolve("j.jsonl");
        Tuner.Outcome outcome = new Tuner(space, new TpeSampler(space, 1, 3), c -> new Objective.Score(planted(c), 0.5), base)
                .run(Journal.open(file, study("tpe", 1)), 6, Duration.ofHours(1));
        assertThat(outcome.trials()).hasSize(6);
        assertThat(outcome.trials().get(0).settings()).containsEntry("embedding-size", "8").containsEntry("ease-lambda", "50.0");
        assertThat(outcome.stopReason()).contains("6 trials");
        assertThat(Files.readAllLines(file)).hasSize(7);
        assertThat(Journal.open(file, study("tpe", 1)).trials()).isEqualTo(outcome.trials());
        assertThat(outcome.best()).isPresent();
        assertThat(outcome.best().get().ndcg()).isEqualTo(outcome.trials().stream().filter(TrialRecord::complete)
                .mapToDouble(TrialRecord::ndcg).max().orElseThrow());
    }

    @Test
    void aFailingTrialIsRecordedAndTheSearchGoesOn() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Objective flaky = c -> switch (calls.getAndIncrement()) {
            case 1 -> throw new IllegalStateException("matrix is not positive definite");
            case 2 -> throw new OutOfMemoryError("Java heap space");
            case 3 -> new Objective.Score(Double.NaN, 0.1);
            default -> new Objective.Score(planted(c), 0.2);
        };
        Tuner.Outcome outcome = new Tuner(space, Sampler.random(space, 3), flaky, base)
                .run(Journal.open(tmp.resolve("f.jsonl"), study("random", 3)), 6, Duration.ofHours(1));
        assertThat(outcome.trials()).hasSize(6);
        assertThat(outcome.trials()).extracting(TrialRecord::status).containsExactly(TrialRecord.Status.COMPLETE,
                TrialRecord.Status.FAILED, TrialRecord.Status.FAILED, TrialRecord.Status.FAILED,
                TrialRecord.Status.COMPLETE, TrialRecord.Status.COMPLETE);
        assertThat(outcome.trials().get(1).error()).contains("IllegalStateException", "not positive definite");
        assertThat(outcome.trials().get(2).error()).contains("OutOfMemoryError");
        assertThat(outcome.trials().get(3).error()).contains("diverged");
        assertThat(outcome.best().orElseThrow().complete()).isTrue();
    }

    @Test
    void aKilledTuneResumesFromItsJournalAsIfUninterrupted() throws Exception {
        Tuner.Outcome whole = new Tuner(space, new TpeSampler(space, 9, 3), c -> new Objective.Score(planted(c), 0.3), base)
                .run(Journal.open(tmp.resolve("whole.jsonl"), study("tpe", 9)), 8, Duration.ofHours(1));

        Path file = tmp.resolve("killed.jsonl");
        new Tuner(space, new TpeSampler(space, 9, 3), c -> new Objective.Score(planted(c), 0.3), base)
                .run(Journal.open(file, study("tpe", 9)), 5, Duration.ofHours(1));
        // the kill came while trial 5 was being written
        Files.writeString(file, "{\"study\":null,\"trial\":{\"number\":5,\"sett", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        List<Integer> evaluated = new ArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        Tuner.Outcome resumed = new Tuner(space, new TpeSampler(space, 9, 3), c -> {
            evaluated.add(calls.getAndIncrement());
            return new Objective.Score(planted(c), 0.3);
        }, base).run(Journal.open(file, study("tpe", 9)), 8, Duration.ofHours(1));

        assertThat(evaluated).hasSize(3);
        assertThat(resumed.trials()).extracting(TrialRecord::settings)
                .isEqualTo(whole.trials().stream().map(TrialRecord::settings).toList());
        assertThat(resumed.trials()).extracting(TrialRecord::ndcg)
                .isEqualTo(whole.trials().stream().map(TrialRecord::ndcg).toList());
        assertThat(Files.readAllLines(file)).hasSize(9);
    }

    @Test
    void theBestTrialIsComparedWithTrialZeroOnTheSameValidationUsers() throws Exception {
        // per-user figures: trial 0 scores 0.2 for every user, a trial scores its planted value for every user
        Objective perUser = c -> {
            double v = c.easeLambda() == 50.0 ? 0.2 : Math.max(0.25, planted(c));
            double[] users = new double[40];
            for (int u = 0; u < users.length; u++) {
                users[u] = v + (u % 2 == 0 ? 0.05 : -0.05);
            }
            return new Objective.Score(v, 0.1, users);
        };
        Tuner.Outcome outcome = new Tuner(space, Sampler.random(space, 4), perUser, base)
                .run(Journal.open(tmp.resolve("p.jsonl"), study("random", 4)), 4, Duration.ofHours(1));
        TrialRecord best = outcome.best().orElseThrow();
        assertThat(best.number()).isNotZero();
        assertThat(outcome.bestAgainstTrialZero().n()).isEqualTo(40);
        assertThat(outcome.bestAgainstTrialZero().mean()).isCloseTo(best.ndcg() - 0.2, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(outcome.bestAgainstTrialZero().significant()).isTrue();

        Tuner.Outcome resumed = new Tuner(space, Sampler.random(space, 4), perUser, base)
                .run(Journal.open(tmp.resolve("p.jsonl"), study("random", 4)), 5, Duration.ofHours(1));
        assertThat(resumed.trials()).hasSize(5);
        assertThat(resumed.bestAgainstTrialZero()).as("trial 0 ran in the earlier run: its per-user figures are not journaled")
                .isNull();
    }

    @Test
    void aJournalOfAnotherStudyIsRefused() throws Exception {
        Path file = tmp.resolve("other.jsonl");
        Journal.open(file, study("tpe", 1));
        assertThatThrownBy(() -> Journal.open(file, study("random", 1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("journal of another study");
    }

    @Test
    void noTrialStartsThatWouldEndPastTheBudget() throws Exception {
        AtomicLong now = new AtomicLong();
        Objective tenMinutes = c -> {
            now.addAndGet(Duration.ofMinutes(10).toNanos());
            return new Objective.Score(planted(c), 0.1);
        };
        Tuner.Outcome outcome = new Tuner(space, Sampler.random(space, 1), tenMinutes, base, now::get)
                .run(Journal.open(tmp.resolve("b.jsonl"), study("random", 1)), 40, Duration.ofMinutes(25));
        assertThat(outcome.trials()).hasSize(2);
        assertThat(outcome.stopReason()).contains("budget");
    }

    @Test
    void theGuidedSamplerReachesRandomSearchsBestInFewerTrials() throws Exception {
        int trials = 40;
        int tpeFirst = 0;
        int randomFirst = 0;
        double tpeBest = 0;
        double randomBest = 0;
        for (long seed = 1; seed <= 5; seed++) {
            List<TrialRecord> tpe = new Tuner(space, new TpeSampler(space, seed, 10), c -> new Objective.Score(planted(c), 0), base)
                    .run(Journal.open(tmp.resolve("t" + seed + ".jsonl"), study("tpe", seed)), trials, Duration.ofHours(1)).trials();
            List<TrialRecord> random = new Tuner(space, Sampler.random(space, seed), c -> new Objective.Score(planted(c), 0), base)
                    .run(Journal.open(tmp.resolve("r" + seed + ".jsonl"), study("random", seed)), trials, Duration.ofHours(1)).trials();
            double[] tpeSoFar = TuningReport.bestSoFar(tpe);
            double[] randomSoFar = TuningReport.bestSoFar(random);
            double target = randomSoFar[trials - 1];
            int reached = 0;
            while (tpeSoFar[reached] < target) {
                reached++;
                if (reached == trials) {
                    break;
                }
            }
            int randomReached = 0;
            while (randomSoFar[randomReached] < target) {
                randomReached++;
            }
            tpeFirst += reached;
            randomFirst += randomReached;
            tpeBest += tpeSoFar[trials - 1];
            randomBest += randomSoFar[trials - 1];
        }
        assertThat(tpeBest).as("summed best over 5 seeds").isGreaterThan(randomBest);
        assertThat(tpeFirst).as("trials to reach random search's final best, summed over 5 seeds").isLessThan(randomFirst);
    }

    /** NDCG@10 per user of a fake confirmation: a base level with a per-user pattern, plus {@code gain}. */
    private static double[] perUser(double gain) {
        double[] out = new double[200];
        for (int u = 0; u < out.length; u++) {
            out[u] = 0.3 + 0.2 * Math.sin(u) + gain + (gain == 0 ? 0 : 0.004 * Math.cos(7 * u));
        }
        return out;
    }

    private static Objective.Score score(double[] byUser) {
        return new Objective.Score(java.util.Arrays.stream(byUser).average().orElseThrow(), 0.4, byUser);
    }

    @Test
    void theConfirmationTakesOnlyALeaderThatBeatsTrialZeroOnFreshDataBeyondNoise() throws Exception {
        List<String> confirmed = new ArrayList<>();
        // trial 0, then the leaders best first: the validation winner is no better on fresh data, the second is
        Confirmation fresh = c -> {
            confirmed.add(c.profile());
            return score(perUser(switch (confirmed.size()) {
                case 1, 2 -> 0;
                case 3 -> 0.05;
                default -> 0.01;
            }));
        };
        Tuner.Outcome outcome = new Tuner(space, Sampler.random(space, 5), c -> new Objective.Score(planted(c), 0.5), base)
                .confirmedBy(fresh, 3).run(Journal.open(tmp.resolve("c.jsonl"), study("random", 5)), 8, Duration.ofHours(1));
        List<TrialRecord> leaders = outcome.trials().stream().filter(t -> t.number() != 0)
                .sorted(java.util.Comparator.comparingDouble(TrialRecord::ndcg).reversed()).limit(3).toList();
        assertThat(confirmed).containsExactly("confirm-0", "confirm-" + leaders.get(0).number(),
                "confirm-" + leaders.get(1).number(), "confirm-" + leaders.get(2).number());
        assertThat(outcome.best().orElseThrow().number()).isEqualTo(leaders.get(0).number());
        assertThat(outcome.confirmed().chosen()).isEqualTo(leaders.get(1).number());
        assertThat(outcome.chosen().orElseThrow().number()).isEqualTo(leaders.get(1).number());
        assertThat(outcome.confirmed().rows()).hasSize(4);
        assertThat(outcome.confirmed().rows().get(1).againstTrialZero().significant()).isFalse();
        assertThat(outcome.confirmed().rows().get(2).againstTrialZero().low()).isPositive();
        assertThat(outcome.confirmed().reason()).contains("trial " + leaders.get(1).number() + " beat trial 0");

        // nothing better on fresh data: trial 0's settings stay, whatever the validation figures said
        Tuner.Outcome kept = new Tuner(space, Sampler.random(space, 6), c -> new Objective.Score(planted(c), 0.5), base)
                .confirmedBy(c -> score(perUser(0)), 2)
                .run(Journal.open(tmp.resolve("k.jsonl"), study("random", 6)), 6, Duration.ofHours(1));
        assertThat(kept.confirmed().chosen()).isZero();
        assertThat(kept.chosen().orElseThrow().number()).isZero();
        assertThat(kept.confirmed().reason()).contains("trial 0's settings stay");

        // a leader whose confirmation fails is recorded and not taken
        Tuner.Outcome failing = new Tuner(space, Sampler.random(space, 7), c -> new Objective.Score(planted(c), 0.5), base)
                .confirmedBy(c -> {
                    if (!c.profile().equals("confirm-0")) {
                        throw new IllegalStateException("out of disk");
                    }
                    return score(perUser(0));
                }, 1).run(Journal.open(tmp.resolve("x.jsonl"), study("random", 7)), 4, Duration.ofHours(1));
        assertThat(failing.confirmed().rows()).extracting(Tuner.Confirmed.Row::error).containsExactly(null, "out of disk");
        assertThat(failing.chosen().orElseThrow().number()).isZero();
    }
}
