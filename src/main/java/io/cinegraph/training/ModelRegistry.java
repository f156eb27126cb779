package io.cinegraph.training;

import io.cinegraph.graph.ClusterRepository;
import io.cinegraph.ranker.RankerConfig;
import io.cinegraph.ranker.RankerModel;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The active ranker, swapped atomically: requests read one reference, so a swap never pauses or splits a
 * request. Loaded from the model directory on first use (the service loads it at start-up). With no usable
 * model the service serves the named fallback and says why.
 *
 * <p>Every promotion and activation is recorded in the graph as the version to serve; replicas that share the graph
 * {@link #follow} that record (the model files are in a directory every replica reads), so a promotion or a rollback
 * through any replica reaches all of them.
 */
@ApplicationScoped
public class ModelRegistry {

    /** What serves when no model is active: the graph's user-kNN candidates, then the popular ones. */
    public static final String FALLBACK = "fallback:user-knn+popular";

    private static final Logger LOG = Logger.getLogger(ModelRegistry.class);

    private final ModelStore store;
    private final ClusterRepository cluster;
    private final Replica replica;
    private final AtomicReference<RankerModel> active = new AtomicReference<>();
    private volatile boolean loaded;
    private volatile String fallbackReason = "no model has been trained yet (run: cinegraph train)";

    public ModelRegistry(RankerConfig config, MeterRegistry meters, ClusterRepository cluster, Replica replica) {
        this.store = new DirectoryModelStore(Path.of(config.modelDir()));
        this.cluster = cluster;
        this.replica = replica;
        Gauge.builder("cinegraph.model.validation.ndcg", this, r -> r.active()
                        .map(m -> m.info().validation().getOrDefault("ndcg@10", Double.NaN)).orElse(Double.NaN))
                .description("Validation NDCG@10 of the active ranker model (NaN while the fallback serves)")
                .register(meters);
    }

    public ModelStore store() {
        return store;
    }

    /** The active model, or empty while the fallback serves. */
    public Optional<RankerModel> active() {
        if (!loaded) {
            load();
        }
        return Optional.ofNullable(active.get());
    }

    /** Why the fallback serves (null while a model is active). */
    public String fallbackReason() {
        return active().isPresent() ? null : fallbackReason;
    }

    /**
     * Reads the active model: the version the graph records when replicas share it (the store's own ACTIVE mark when
     * none is recorded), else the store's ACTIVE mark. A model that cannot be used is reported and the fallback serves.
     */
    public synchronized void load() {
        if (loaded) {
            return;
        }
        try {
            Optional<String> version = replica.shared()
                    ? cluster.activeModel().map(ClusterRepository.ActiveModel::version).or(store::activeVersion)
                    : store.activeVersion();
            version.map(store::load).ifPresentOrElse(model -> {
                active.set(model);
                LOG.infof("Ranker model %s loaded from %s", model.info().version(), store.location(model.info().version()));
            }, () -> LOG.infof("No active ranker model in %s: serving %s", store.location(""), FALLBACK));
        } catch (io.cinegraph.ranker.ModelException e) {
            fallbackReason = e.getMessage();
            LOG.errorf("%s Serving %s until a usable model is activated.", e.getMessage(), FALLBACK);
        }
        loaded = true;
    }

    /** Saves a model as a new version (atomically), makes it the active one on disk, in the graph and in memory. */
    public synchronized void promote(RankerModel model, int keep) {
        store.save(model);
        record(model.info().version());
        store.activate(model.info().version());
        active.set(model);
        loaded = true;
        store.prune(keep);
    }

    /** Activates a stored version (e.g. a rollback): loads it, points ACTIVE at it and swaps it in. */
    public synchronized RankerModel activate(String version) {
        RankerModel model = store.load(version);
        record(version);
        store.activate(version);
        active.set(model);
        loaded = true;
        return model;
    }

    /**
     * Serves the version the graph records, when another replica promoted or activated one: loaded from the shared
     * store and swapped in. Returns the version now served when it changed.
     */
    public synchronized Optional<String> follow() {
        Optional<ClusterRepository.ActiveModel> recorded = cluster.activeModel();
        if (recorded.isEmpty()) {
            return Optional.empty();
        }
        String version = recorded.get().version();
        RankerModel current = active.get();
        if (loaded && current != null && current.info().version().equals(version)) {
            return Optional.empty();
        }
        RankerModel model = store.load(version);
        active.set(model);
        loaded = true;
        LOG.infof("Now serving ranker model %s, activated by replica %s", version, recorded.get().activatedBy());
        return Optional.of(version);
    }

    /**
     * Records the version to serve in the graph. With replicas it must succeed (the others follow it); alone, the
     * store's ACTIVE mark is what counts and the graph's record is for people (Browser), so a failure only warns.
     */
    private void record(String version) {
        try {
            cluster.recordActiveModel(version, System.currentTimeMillis(), replica.name());
        } catch (RuntimeException e) {
            if (replica.shared()) {
                throw e;
            }
            LOG.warnf("Model %s: could not record it as active in the graph (%s)", version, e.getMessage());
        }
    }
}
