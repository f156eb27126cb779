package io.cinegraph.training;

import io.cinegraph.signals.SignalSnapshots;
import io.cinegraph.support.ServiceState;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * With replicas sharing the graph, each one looks every {@code cinegraph.replicas.poll-interval} for what another
 * replica changed: the model version to serve (a promotion or a rollback) and a recomputation of the signals. Both are
 * swapped in atomically, as a change made here is; then every {@link ReplicaFollower} (the running experiment) catches
 * up too. Alone, it does nothing.
 */
@ApplicationScoped
public class ReplicaSync {

    private static final Logger LOG = Logger.getLogger(ReplicaSync.class);

    @Inject Replica replica;
    @Inject ModelRegistry registry;
    @Inject SignalSnapshots snapshots;
    @Inject ServiceState state;
    @Inject @Any Instance<ReplicaFollower> followers;

    @Scheduled(identity = "replica-sync", every = "{cinegraph.replicas.poll-interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (replica.shared() && state.isServing()) {
            follow();
        }
    }

    /** Follows another replica's promotion, rollback or signal recomputation, if there was one. */
    public void follow() {
        try {
            registry.follow();
        } catch (RuntimeException e) {
            LOG.warnf("Could not follow the model version recorded in the graph: %s", e.getMessage());
        }
        try {
            if (snapshots.follow()) {
                LOG.info("Signals were recomputed by another replica: snapshot read again");
            }
        } catch (RuntimeException e) {
            LOG.warnf("Could not read the recomputed signals: %s", e.getMessage());
        }
        followers.forEach(ReplicaFollower::follow);
    }
}
