package io.cinegraph.recommend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cinegraph.graph.ClusterRepository;
import io.cinegraph.ranker.RankerModel;
import io.cinegraph.support.InvalidParameterException;
import io.cinegraph.training.ModelRegistry;
import io.cinegraph.training.ReplicaFollower;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * The running A/B experiment, if any, and the ranker of each of its arms (each arm's model loaded once from the
 * store, and swapped as a whole when an experiment starts or ends). Which arm serves a user is {@link Experiment#arm}.
 * The definition is recorded in the graph, so every replica serves the same split ({@link #follow}).
 */
@ApplicationScoped
public class Experiments implements RankerChoice, ReplicaFollower {

    /** An arm served by the popularity fallback instead of a model version. */
    public static final String FALLBACK_MODEL = "fallback";
    /** An arm served by the popular movies alone: a deliberately plain, non-personalised baseline. */
    public static final String POPULAR_MODEL = "popular";
    private static final Ranker POPULAR = PopularityFallback.popularOnly();
    /** An arm served by the newest stored version trained with a tuning profile: {@code profile:NAME}. */
    public static final String PROFILE_PREFIX = "profile:";
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,50}");
    private static final Logger LOG = Logger.getLogger(Experiments.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Ranker FALLBACK = new PopularityFallback();

    private record Running(Experiment experiment, Map<String, Ranker> rankers, String json) {
    }

    @Inject ActiveRanker active;
    @Inject ModelRegistry registry;
    @Inject ClusterRepository cluster;
    private final AtomicReference<Running> running = new AtomicReference<>();

    @Override
    public Served choose(long userId) {
        Running now = running.get();
        if (now == null) {
            return new Served(active.get(), RecommendationIds.DEFAULT_VARIANT);
        }
        Experiment.Arm arm = now.experiment().arm(userId);
        return new Served(now.rankers().get(arm.name()), arm.name());
    }

    public Optional<Experiment> current() {
        return Optional.ofNullable(running.get()).map(Running::experiment);
    }

    /**
     * Starts an experiment (none may be running): every arm named, shares summing to 100, each model a stored version,
     * {@code active} (the version active now), {@code profile:NAME} (the newest version trained with that tuning
     * profile), {@code fallback} or {@code popular} (the popular movies alone); the arm records the version it resolved. Recorded in the graph for every replica.
     */
    public synchronized Experiment start(String name, List<Experiment.Arm> arms) {
        if (running.get() != null) {
            throw new InvalidParameterException("name", "experiment '" + running.get().experiment().name()
                    + "' is running; end it first (POST /api/admin/experiments/end)");
        }
        List<InvalidParameterException.Field> errors = new ArrayList<>();
        if (name == null || !NAME.matcher(name).matches()) {
            errors.add(new InvalidParameterException.Field("name", "must be 1 to 50 letters, digits and . _ -"));
        }
        if (arms == null || arms.size() < 2) {
            throw new InvalidParameterException("variants", "must list at least two variants, e.g. [{\"name\": \"A\", "
                    + "\"model\": \"active\", \"share\": 50}, {\"name\": \"B\", \"model\": \"<version>\", \"share\": 50}]");
        }
        Set<String> names = new HashSet<>();
        List<Experiment.Arm> resolved = new ArrayList<>();
        double total = 0;
        List<String> versions = registry.store().versions();
        for (int i = 0; i < arms.size(); i++) {
            Experiment.Arm arm = arms.get(i);
            String where = "variants[" + i + "]";
            if (arm == null || arm.name() == null || !NAME.matcher(arm.name()).matches() || !names.add(arm.name())) {
                errors.add(new InvalidParameterException.Field(where + ".name", "must be a distinct name of 1 to 50 "
                        + "letters, digits and . _ -"));
                continue;
            }
            if (!(arm.share() > 0)) {
                errors.add(new InvalidParameterException.Field(where + ".share", "must be a share of users > 0 (percent)"));
            }
            total += arm.share();
            String model = arm.model();
            if ("active".equals(model)) {
                model = registry.active().map(m -> m.info().version()).orElse(null);
                if (model == null) {
                    errors.add(new InvalidParameterException.Field(where + ".model", "'active', but no model is active"));
                }
            } else if (model != null && model.startsWith(PROFILE_PREFIX)) {
                String profile = model.substring(PROFILE_PREFIX.length());
                model = newestTrainedWith(profile, versions);
                if (model == null) {
                    errors.add(new InvalidParameterException.Field(where + ".model", "no stored model version was "
                            + "trained with profile '" + profile + "'; train one first: ./cinegraph train --profile "
                            + profile + " --no-activate"));
                }
            } else if (model == null || (!FALLBACK_MODEL.equals(model) && !POPULAR_MODEL.equals(model)
                    && !versions.contains(model))) {
                errors.add(new InvalidParameterException.Field(where + ".model", "must be a stored version (GET "
                        + "/api/model lists them), 'active', 'profile:NAME' (the newest version trained with that "
                        + "tuning profile), 'fallback' or 'popular'; got " + model));
            }
            resolved.add(new Experiment.Arm(arm.name(), model, arm.share()));
        }
        if (errors.isEmpty() && Math.abs(total - 100) > 1e-6) {
            errors.add(new InvalidParameterException.Field("variants", "shares must add up to 100; they add up to " + total));
        }
        if (!errors.isEmpty()) {
            throw new InvalidParameterException(errors);
        }
        Experiment experiment = new Experiment(name, java.time.Instant.now().getEpochSecond(), List.copyOf(resolved));
        Running loaded = load(experiment);
        cluster.recordExperiment(loaded.json());
        running.set(loaded);
        LOG.infof("Experiment %s started: %s", name, resolved);
        return experiment;
    }

    /** The newest stored version whose metadata names {@code profile}; null when there is none. */
    private String newestTrainedWith(String profile, List<String> versions) {
        for (int i = versions.size() - 1; i >= 0; i--) {
            try {
                if (profile.equals(String.valueOf(registry.store().info(versions.get(i)).hyperParameters().get("profile")))) {
                    return versions.get(i);
                }
            } catch (RuntimeException e) {
                LOG.debugf("Version %s has no readable metadata: %s", versions.get(i), e.getMessage());
            }
        }
        return null;
    }

    /** Ends the running experiment (every user is served by the active model again); the one that ended. */
    public synchronized Optional<Experiment> end() {
        Running ended = running.getAndSet(null);
        if (ended != null) {
            cluster.recordExperiment(null);
            LOG.infof("Experiment %s ended", ended.experiment().name());
        }
        return Optional.ofNullable(ended).map(Running::experiment);
    }

    /** Serves the experiment recorded in the graph (started or ended through another replica). */
    @Override
    public synchronized void follow() {
        try {
            String recorded = cluster.experiment().orElse(null);
            Running now = running.get();
            if (recorded == null ? now == null : now != null && recorded.equals(now.json())) {
                return;
            }
            running.set(recorded == null ? null : load(JSON.readValue(recorded, Experiment.class)));
            LOG.infof("Experiment now %s (changed by another replica)", recorded == null ? "none" : recorded);
        } catch (RuntimeException | JsonProcessingException e) {
            LOG.warnf("Could not follow the experiment recorded in the graph: %s", e.getMessage());
        }
    }

    private Running load(Experiment experiment) {
        Map<String, Ranker> rankers = new HashMap<>();
        Map<String, Ranker> byModel = new HashMap<>();
        for (Experiment.Arm arm : experiment.arms()) {
            rankers.put(arm.name(), byModel.computeIfAbsent(arm.model(), model -> {
                if (FALLBACK_MODEL.equals(model)) {
                    return FALLBACK;
                }
                if (POPULAR_MODEL.equals(model)) {
                    return POPULAR;
                }
                RankerModel loaded = registry.active().filter(m -> m.info().version().equals(model))
                        .orElseGet(() -> registry.store().load(model));
                return active.rankerOf(loaded);
            }));
        }
        try {
            return new Running(experiment, Map.copyOf(rankers), JSON.writeValueAsString(experiment));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
