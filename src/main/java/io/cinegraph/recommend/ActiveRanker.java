package io.cinegraph.recommend;

import io.cinegraph.ranker.RankerConfig;
import io.cinegraph.ranker.RankerModel;
import io.cinegraph.signals.FeatureExtractor;
import io.cinegraph.signals.SignalsConfig;
import io.cinegraph.training.ModelRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The ranker that serves now: the active model of the {@link ModelRegistry} (one {@link NeuralRanker} per model, so
 * rankings cached under it stay valid until a swap), or the {@link PopularityFallback} while none is active.
 */
@ApplicationScoped
public class ActiveRanker implements Supplier<Ranker> {

    private static final Ranker FALLBACK = new PopularityFallback();

    private final ModelRegistry registry;
    private final FeatureExtractor extractor;
    private final RankerConfig config;
    private final int historySize;
    private final AtomicReference<NeuralRanker> current = new AtomicReference<>();

    public ActiveRanker(ModelRegistry registry, FeatureExtractor extractor, RankerConfig config,
                        SignalsConfig signalsConfig) {
        this.registry = registry;
        this.extractor = extractor;
        this.config = config;
        this.historySize = signalsConfig.historySize();
    }

    @Override
    public Ranker get() {
        Optional<RankerModel> model = registry.active();
        if (model.isEmpty()) {
            return FALLBACK;
        }
        return current.updateAndGet(n -> n != null && n.model() == model.get() ? n
                : new NeuralRanker(model.get(), extractor, config, historySize));
    }
}
