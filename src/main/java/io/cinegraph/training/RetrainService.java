package io.cinegraph.training;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cinegraph.graph.ClusterRepository;
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
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Gated retraining, on a schedule and on demand, one run at a time: recompute the live graph's signals →
 * hold out each sampled user's latest rating → train a candidate on everything else → evaluate the candidate and
 * the active model on the holdout with the same features (the candidate's history graph, see
 * {@link TrainingService#trial}) → promote the candidate
 * only if it is not worse (within the tolerance): saved atomically, swapped in memory, old versions pruned.
 * Requests keep being served by the active model throughout. Ratings written during a run stay in the live
 * graph and are used by the next one.
 *
 * <p>One run at a time across every replica of the service: a run holds the graph's {@code retrain} lease, renewed
 * every third of its time to live, so a replica killed mid-run blocks the next one only until the lease expires. The
 * jobs are recorded in the graph, so every replica shows the same history.
 */
@ApplicationScoped
public class RetrainService {

    /** A run was asked for while another is under way (on this replica or another one). */
    public static final class AlreadyRunningException extends RuntimeException {
        private final String runningId;

        AlreadyRunningException(String runningId, String replica, long remainingMillis) {
            super("A retraining run is already under way: job " + runningId + " on replica " + replica
                    + " (its lease runs for " + Math.max(0, (remainingMillis + 999) / 1000) + " s more unless renewed)");
            this.runningId = runningId;
        }

        public String runningId() {
            return runningId;
        }
    }

    private static final Logger LOG = Logger.getLogger(RetrainService.class);

    private static final String LEASE = "retrain";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject TrainingService training;
    @Inject SignalJob signals;
    @Inject ModelRegistry registry;
    @Inject RankerConfig rankerConfig;
    @Inject RetrainConfig config;
    @Inject ServiceState state;
    @Inject MeterRegistry meters;
    @Inject ClusterRepository cluster;
    @Inject Replica replica;
    @Inject ReplicaConfig replicas;
    private final ExecutorService worker = Futures.daemonThread("cinegraph-retrain");
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cinegraph-retrain-lease");
        t.setDaemon(true);
        return t;
    });
    private String running;
    private ScheduledFuture<?> renewal;
    private volatile boolean leaseLost;
    private boolean recovered;

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

    /**
     * Queues a run; refuses while one is queued or running here, or while another replica holds the retraining
     * lease.
     */
    public synchronized RetrainJob submit(String trigger) {
        if (running != null) {
            throw new AlreadyRunningException(running, replica.name(), leaseMillis());
        }
        recoverOnce();
        String id = "job-" + cluster.nextInSequence("retrain-job");
        ClusterRepository.Lease lease = cluster.acquire(LEASE, replica.name(), id, leaseMillis());
        if (!lease.acquired()) {
            throw new AlreadyRunningException(lease.job(), lease.holder(), lease.remainingMillis());
        }
        abandonOthers(id);
        RetrainJob job = new RetrainJob(id, trigger, RetrainJob.State.QUEUED, now(), null, null, Map.of(), null, null,
                null, null, null, null, null);
        running = id;
        leaseLost = false;
        save(job);
        long every = Math.max(100, leaseMillis() / 3);
        renewal = heartbeat.scheduleAtFixedRate(this::renew, every, every, TimeUnit.MILLISECONDS);
        worker.submit(() -> run(id, trigger));
        return job;
    }

    /** The latest jobs of every replica, newest first. */
    public List<RetrainJob> jobs() {
        recoverOnce();
        return cluster.jobs(config.history()).stream().map(RetrainService::parse).toList();
    }

    public Optional<RetrainJob> job(String id) {
        recoverOnce();
        return cluster.job(id).map(RetrainService::parse);
    }

    /**
     * A service that owns its graph alone (no replicas) finds any lease or unfinished job left by an earlier process
     * of its own, killed mid-run: it frees the lease and marks those jobs failed, once.
     */
    private synchronized void recoverOnce() {
        if (recovered || replica.shared()) {
            return;
        }
        cluster.clearLeases();
        abandonOthers(null);
        recovered = true;
    }

    /** Marks the jobs recorded as queued or running, other than {@code current}, as failed: their replica stopped. */
    private void abandonOthers(String current) {
        for (ClusterRepository.RunningJob orphan : cluster.runningJobs()) {
            if (orphan.id().equals(current)) {
                continue;
            }
            RetrainJob job = parse(orphan.json());
            save(new RetrainJob(job.id(), job.trigger(), RetrainJob.State.FAILED, job.submittedAt(), job.startedAt(),
                    now(), job.stepSeconds(), null, null, job.activeVersion(), null, null,
                    "failed; the active model kept serving",
                    "abandoned: replica " + orphan.replica() + " stopped before finishing it (its lease expired)"));
        }
    }

    private void renew() {
        try {
            if (!cluster.renew(LEASE, replica.name(), leaseMillis())) {
                leaseLost = true;
                LOG.warnf("Retraining %s: the lease was lost (expired and taken); the run will not promote", running);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Retraining %s: could not renew the lease (%s)", running, e.getMessage());
        }
    }

    private synchronized void update(RetrainJob job) {
        try {
            save(job);
        } catch (RuntimeException e) {
            LOG.warnf("Retraining %s: could not record its state %s in the graph (%s)", job.id(), job.state(), e.getMessage());
        }
        if (job.finished() && job.id().equals(running)) {
            running = null;
            if (renewal != null) {
                renewal.cancel(false);
            }
            try {
                cluster.release(LEASE, replica.name());
                cluster.pruneJobs(config.history());
            } catch (RuntimeException e) {
                LOG.warnf("Retraining %s: could not release the lease (%s); it expires by itself", job.id(), e.getMessage());
            }
        }
    }

    private void save(RetrainJob job) {
        try {
            cluster.saveJob(job.id(), job.submittedAt(), job.state().name(), replica.name(), JSON.writeValueAsString(job));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RetrainJob parse(String json) {
        try {
            return JSON.readValue(json, RetrainJob.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A retraining job's record in the graph is not readable: " + e.getMessage(), e);
        }
    }

    private void run(String id, String trigger) {
        String started = now();
        long t0 = System.nanoTime();
        Map<String, Double> steps = new LinkedHashMap<>();
        RankerModel active = registry.active().orElse(null);
        String activeVersion = active == null ? null : active.info().version();
        String submitted = cluster.job(id).map(RetrainService::parse).map(RetrainJob::submittedAt).orElse(started);
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
            if (promote && (leaseLost || !cluster.renew(LEASE, replica.name(), leaseMillis()))) {
                throw new IllegalStateException("the retraining lease was lost (this replica could not renew it in time "
                        + "and another one took it), so the candidate was not promoted");
            }
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
        heartbeat.shutdownNow();
    }

    /** How long a lease lasts without renewal. */
    private long leaseMillis() {
        return replicas.leaseTtl().toMillis();
    }
}
