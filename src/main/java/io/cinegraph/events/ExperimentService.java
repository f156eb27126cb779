package io.cinegraph.events;

import io.cinegraph.graph.EventRepository;
import io.cinegraph.recommend.Experiment;
import io.cinegraph.recommend.Experiments;
import io.cinegraph.training.ModelRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A/B experiments as people run them: start one, read each arm's online figures beside the control's with a 95 %
 * confidence interval of the difference in click-through and a plain verdict, end it (promoting the winner when it is
 * ahead beyond doubt, else keeping the active model).
 */
@ApplicationScoped
public class ExperimentService {

    /** z of a two-sided 95 % interval. */
    static final double Z95 = 1.959964;

    @Inject Experiments experiments;
    @Inject EventService events;
    @Inject EventRepository repository;
    @Inject ModelRegistry registry;

    /** One arm against the control: click-through difference and its 95 % interval, and the verdict. */
    public record Comparison(String arm, String control, Double clickThroughDifference, Double low, Double high,
                             String verdict) {
    }

    /** The running experiment (null if none), its arms' figures and comparisons, and every model's online figures. */
    public record Report(Experiment experiment, List<OnlineFigures.Variant> arms, List<Comparison> comparisons,
                         OnlineFigures online) {
    }

    /** What ending an experiment did. */
    public record Ended(Experiment experiment, List<Comparison> comparisons, String promoted, String decision) {
    }

    public Experiment start(String name, List<Experiment.Arm> arms) {
        return experiments.start(name, arms);
    }

    public Report report(Duration window) {
        OnlineFigures online = events.figures(window);
        Optional<Experiment> running = experiments.current();
        if (running.isEmpty()) {
            return new Report(null, List.of(), List.of(), online);
        }
        List<OnlineFigures.Variant> arms = arms(running.get());
        return new Report(running.get(), arms, compare(arms), online);
    }

    /**
     * Ends the running experiment. With {@code promote}, the arm furthest ahead of the control whose interval
     * excludes 0 has its model activated (unless it is the fallback); otherwise the active model stays.
     */
    public Ended end(boolean promote) {
        Experiment experiment = experiments.current().orElseThrow(() -> new io.cinegraph.support.InvalidParameterException(
                "experiment", "no experiment is running"));
        List<OnlineFigures.Variant> arms = arms(experiment);
        List<Comparison> comparisons = compare(arms);
        experiments.end();
        Comparison best = comparisons.stream().filter(c -> c.low() != null && c.low() > 0)
                .max(java.util.Comparator.comparingDouble(Comparison::clickThroughDifference)).orElse(null);
        if (!promote) {
            return new Ended(experiment, comparisons, null, "ended; the active model stays (promotion not asked)");
        }
        if (best == null) {
            return new Ended(experiment, comparisons, null, "ended; no variant is ahead of the control beyond doubt, "
                    + "so the active model stays");
        }
        String model = experiment.arm(best.arm()).model();
        if (Experiments.FALLBACK_MODEL.equals(model) || Experiments.POPULAR_MODEL.equals(model)) {
            return new Ended(experiment, comparisons, null, "ended; " + best.arm() + " (" + model + ", not a model "
                    + "version) was ahead: the active model stays");
        }
        registry.activate(model);
        return new Ended(experiment, comparisons, model, "ended; " + best.arm() + " was ahead of " + best.control()
                + " on click-through (95 % CI excludes 0): its model " + model + " is now active");
    }

    /** Each arm's figures since the experiment started (zeros for an arm without events yet). */
    private List<OnlineFigures.Variant> arms(Experiment experiment) {
        long movies = Math.max(1, events.catalogueSize());
        List<EventRepository.Figures> all = repository.figures(experiment.startedAt());
        List<OnlineFigures.Variant> out = new ArrayList<>();
        for (Experiment.Arm arm : experiment.arms()) {
            EventRepository.Figures f = all.stream()
                    .filter(x -> x.variant().equals(arm.name()) && modelMatches(x.model(), arm.model()))
                    .reduce(ExperimentService::sum)
                    .orElse(new EventRepository.Figures(arm.model(), arm.name(), 0, 0, 0, 0, 0, 0, null));
            out.add(OnlineFigures.Variant.of(f, movies));
        }
        return out;
    }

    private static boolean modelMatches(String served, String arm) {
        return switch (arm) {
            case Experiments.FALLBACK_MODEL -> served.startsWith("fallback");
            case Experiments.POPULAR_MODEL -> served.startsWith("baseline:popular");
            default -> served.equals(arm);
        };
    }

    private static EventRepository.Figures sum(EventRepository.Figures a, EventRepository.Figures b) {
        long rated = a.ratedAfter() + b.ratedAfter();
        Double mean = rated == 0 ? null : ((a.meanRatingAfter() == null ? 0 : a.meanRatingAfter() * a.ratedAfter())
                + (b.meanRatingAfter() == null ? 0 : b.meanRatingAfter() * b.ratedAfter())) / rated;
        return new EventRepository.Figures(a.model(), a.variant(), a.impressions() + b.impressions(), a.clicks() + b.clicks(),
                a.views() + b.views(), a.skips() + b.skips(), Math.max(a.moviesShown(), b.moviesShown()), rated, mean);
    }

    /** Every arm but the first against the first: the difference in click-through with a 95 % normal interval. */
    static List<Comparison> compare(List<OnlineFigures.Variant> arms) {
        List<Comparison> out = new ArrayList<>();
        OnlineFigures.Variant control = arms.get(0);
        for (OnlineFigures.Variant arm : arms.subList(1, arms.size())) {
            if (control.impressions() == 0 || arm.impressions() == 0) {
                out.add(new Comparison(arm.variant(), control.variant(), null, null, null,
                        "not yet measurable: " + (arm.impressions() == 0 ? arm.variant() : control.variant())
                                + " has no impressions"));
                continue;
            }
            double p1 = (double) arm.clicks() / arm.impressions();
            double p0 = (double) control.clicks() / control.impressions();
            double se = Math.sqrt(p1 * (1 - p1) / arm.impressions() + p0 * (1 - p0) / control.impressions());
            double d = p1 - p0;
            double low = d - Z95 * se;
            double high = d + Z95 * se;
            String verdict = low > 0
                    ? String.format(Locale.ROOT, "%s ahead of %s on click-through (%.1f %% vs %.1f %%), 95 %% CI excludes 0",
                    arm.variant(), control.variant(), 100 * p1, 100 * p0)
                    : high < 0
                    ? String.format(Locale.ROOT, "%s ahead of %s on click-through (%.1f %% vs %.1f %%), 95 %% CI excludes 0",
                    control.variant(), arm.variant(), 100 * p0, 100 * p1)
                    : String.format(Locale.ROOT, "not yet significant: %s %.1f %% vs %s %.1f %% click-through, 95 %% CI of "
                    + "the difference [%.1f, %.1f] points", arm.variant(), 100 * p1, control.variant(), 100 * p0,
                    100 * low, 100 * high);
            out.add(new Comparison(arm.variant(), control.variant(), d, low, high, verdict));
        }
        return out;
    }
}
