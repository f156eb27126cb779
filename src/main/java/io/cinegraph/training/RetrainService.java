package io.cinegraph.training;

import io.cinegraph.ranker.RankerConfig;
import io.cinegraph.ranker.RankerModel;
import io.cinegraph.signals.SignalJob;
import io.cinegraph.support.Futures;
import io.cinegraph.support.ServiceState;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gated retraining, on a schedule and on demand, one run at a time: recompute the live graph's signals →
 * hold out each sampled user's latest rating → train a candidate on everything else → evaluate the candidate and
 * the active model on the holdout with the same features (the candidate's history graph, see
 * {@link TrainingService#trial}) → promote the candidate
 * only if it is not worse (within the tolerance): saved atomically, swapped in memory, old versions pruned.
 * Requests keep being served by the active model throughout. Ratings written during a run stay in the live
 * graph and are used by the next one.
 */
@ApplicationScoped
public class RetrainService {

    /** A run was asked for while another is under way. */
    public static final class AlreadyRunningException extends RuntimeException {
        private final String runningId;

        AlreadyRunningException(String runningId) {
            super("A retraining run is already under way: job " + runningId);
            this.runningId = runningId;
        }

        public String runningId() {
            return runningId;
        }
    }

    private static final Logger LOG = Logger.getLogger(RetrainService.class);

    private final TrainingService training;
    private final SignalJob signals;
    private final ModelRegistry registry;
    private final RankerConfig rankerConfig;
    private final RetrainConfig config;
    private final ServiceState state;
    private final MeterRegistry meters;
    private final ExecutorService worker = Futures.daemonThread("cinegraph-retrain");
    private final Map<String, RetrainJob> jobs = new LinkedHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private String running;

    public RetrainService(TrainingService training, SignalJob signals, ModelRegistry registry, RankerConfig rankerConfig,
                          RetrainConfig config, ServiceState state, MeterRegistry meters) {
        this.training = training;
        this.signals = signals;
        this.registry = registry;
        this.rankerConfig = rankerConfig;
        this.config = config;
        this.state = state;
        this.meters = meters;
    }

    /** The scheduled run (cron from configuration); only in the service, and skipped while a run is under way. */
    @Scheduled(identity = "retrain", cron = "{cinegraph.retrain.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!state.isServing()) {
            return;
        }
        try {
            submit("schedule");
        } catch (AlreadyRunningException e) {
            LOG.info("Scheduled retraining skipped: " + e.getMessage());
        }
    }

    /** Queues a run; refuses while one is queued or running. */
    public synchronized RetrainJob submit(String trigger) {
        if (running != null) {
            throw new AlreadyRunningException(running);
        }
        String id = "job-" + sequence.incrementAndGet();
        RetrainJob job = new RetrainJob(id, trigger, RetrainJob.State.QUEUED, now(), null, null, Map.of(), null, null,
                null, null, null, null, null);
        jobs.put(id, job);
        running = id;
        while (jobs.size() > config.history()) {
            jobs.remove(jobs.keySet().iterator().next());
        }
        worker.submit(() -> run(id, trigger));
        return job;
    }

    public synchronized List<RetrainJob> jobs() {
        List<RetrainJob> out = new ArrayList<>(jobs.values());
        java.util.Collections.reverse(out);
        return out;
    }

    public synchronized Optional<RetrainJob> job(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    private synchronized void update(RetrainJob job) {
        jobs.put(job.id(), job);
        if (job.finished() && job.id().equals(running)) {
            running = null;
        }
    }

    private void run(String id, String trigger) {
        String started = now();
        long t0 = System.nanoTime();
        Map<String, Double> steps = new LinkedHashMap<>();
        RankerModel active = registry.active().orElse(null);
        String activeVersion = active == null ? null : active.info().version();
        String submitted = job(id).map(RetrainJob::submittedAt).orElse(started);
        update(new RetrainJob(id, trigger, RetrainJob.State.RUNNING, submitted, started, null, Map.of(),
                null, null, activeVersion, null, null, null, null));
        RetrainJob result;
        try {
            timed(steps, "signals", signals::recomputeAll);
            TrainingService.Trial trial = training.trial(active, config.holdoutUsers());
            steps.put("train", trial.trainSeconds());
            steps.put("evaluate", trial.evaluateSeconds());
            RankerModel candidate = trial.candidate();
            double candidateNdcg = trial.candidateNdcg();
            Double activeNdcg = trial.activeNdcg();
            boolean promote = activeNdcg == null || candidateNdcg >= activeNdcg - config.tolerance();
            String decision = activeNdcg == null
                    ? String.format(java.util.Locale.ROOT, "promoted: no model was active (candidate holdout NDCG@10 %.4f)", candidateNdcg)
                    : String.format(java.util.Locale.ROOT, "%s: candidate holdout NDCG@10 %.4f vs active %.4f (tolerance %.4f)",
                    promote ? "promoted" : "kept the active model", candidateNdcg, activeNdcg, config.tolerance());
            if (promote) {
                long s = System.nanoTime();
                registry.promote(candidate, rankerConfig.keepModels());
                steps.put("promote", (System.nanoTime() - s) / 1e9);
            }
            result = new RetrainJob(id, trigger, promote ? RetrainJob.State.PROMOTED : RetrainJob.State.KEPT,
                    submitted, started, now(), ordered(steps), candidateNdcg, activeNdcg, activeVersion,
                    candidate.info().version(), trial.holdoutUsers(), decision, null);
            LOG.infof("Retraining %s: %s", id, decision);
        } catch (RuntimeException e) {
            LOG.error("Retraining " + id + " failed", e);
            result = new RetrainJob(id, trigger, RetrainJob.State.FAILED, submitted, started, now(),
                    ordered(steps), null, null, activeVersion, null, null, "failed; the active model keeps serving",
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        Timer.builder("cinegraph.retrain.duration").description("Duration of retraining runs")
                .tag("outcome", result.state().name().toLowerCase(java.util.Locale.ROOT)).register(meters)
                .record(java.time.Duration.ofNanos(System.nanoTime() - t0));
        update(result);
    }

    private static void timed(Map<String, Double> steps, String name, Runnable work) {
        long s = System.nanoTime();
        work.run();
        steps.put(name, (System.nanoTime() - s) / 1e9);
    }

    private static Map<String, Double> ordered(Map<String, Double> steps) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(steps));
    }

    private static String now() {
        return Instant.now().toString();
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
