package io.cinegraph.training;

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
 */
@ApplicationScoped
public class ModelRegistry {

    /** What serves when no model is active: the graph's user-kNN candidates, then the popular ones. */
    public static final String FALLBACK = "fallback:user-knn+popular";

    private static final Logger LOG = Logger.getLogger(ModelRegistry.class);

    private final ModelStore store;
    private final AtomicReference<RankerModel> active = new AtomicReference<>();
    private volatile boolean loaded;
    private volatile String fallbackReason = "no model has been trained yet (run: cinegraph train)";

    public ModelRegistry(RankerConfig config, MeterRegistry meters) {
        this.store = new DirectoryModelStore(Path.of(config.modelDir()));
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

    /** Reads the ACTIVE model from disk; a model that cannot be used is reported and the fallback serves. */
    public synchronized void load() {
        if (loaded) {
            return;
        }
        try {
            store.loadActive().ifPresentOrElse(model -> {
                active.set(model);
                LOG.infof("Ranker model %s loaded from %s", model.info().version(), store.location(model.info().version()));
            }, () -> LOG.infof("No active ranker model in %s: serving %s", store.location(""), FALLBACK));
        } catch (io.cinegraph.ranker.ModelException e) {
            fallbackReason = e.getMessage();
            LOG.errorf("%s Serving %s until a usable model is activated.", e.getMessage(), FALLBACK);
        }
        loaded = true;
    }

    /** Saves a model as a new version (atomically), makes it the active one on disk and in memory. */
    public synchronized void promote(RankerModel model, int keep) {
        store.save(model);
        store.activate(model.info().version());
        active.set(model);
        loaded = true;
        store.prune(keep);
    }

    /** Activates a stored version (e.g. a rollback): loads it, points ACTIVE at it and swaps it in. */
    public synchronized RankerModel activate(String version) {
        RankerModel model = store.load(version);
        store.activate(version);
        active.set(model);
        loaded = true;
        return model;
    }
}
