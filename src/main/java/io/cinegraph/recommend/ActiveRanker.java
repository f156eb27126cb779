package io.cinegraph.recommend;

import io.cinegraph.ranker.RankerConfig;
import io.cinegraph.ranker.RankerModel;
import io.cinegraph.signals.FeatureExtractor;
import io.cinegraph.signals.SignalsConfig;
import io.cinegraph.training.ModelRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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

    @Inject ModelRegistry registry;
    @Inject FeatureExtractor extractor;
    @Inject RankerConfig config;
    @Inject SignalsConfig signalsConfig;
    private final AtomicReference<NeuralRanker> current = new AtomicReference<>();

    @Override
    public Ranker get() {
        Optional<RankerModel> model = registry.active();
        if (model.isEmpty()) {
            return FALLBACK;
        }
        return current.updateAndGet(n -> n != null && n.model() == model.get() ? n
                : rankerOf(model.get()));
    }

    /** A ranker serving {@code model} with this service's features and settings (the active one, or an arm's). */
    NeuralRanker rankerOf(RankerModel model) {
        return new NeuralRanker(model, extractor, config, signalsConfig.historySize());
    }
}
