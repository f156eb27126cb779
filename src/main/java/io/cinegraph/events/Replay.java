package io.cinegraph.events;

import io.cinegraph.domain.UserSide;
import io.cinegraph.evaluation.Metrics;
import io.cinegraph.graph.EventRepository;
import io.cinegraph.ranker.RankerModel;
import io.cinegraph.recommend.Experiments;
import io.cinegraph.signals.FeatureExtractor;
import io.cinegraph.signals.LiveUserSignals;
import io.cinegraph.signals.SignalSnapshot;
import io.cinegraph.signals.SignalSnapshots;
import io.cinegraph.signals.SignalsConfig;
import io.cinegraph.support.InvalidParameterException;
import io.cinegraph.support.Progress;
import io.cinegraph.training.ModelRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Offline replay of the logged answers: each model re-ranks the very movies each answer showed, with the user's
 * history as it was when it was shown (ratings and views before that second), and is scored on the movies the user then
 * took up (clicked, viewed, or rated well). Every model is measured on the same answers whichever variant served them,
 * so the offline figures can be read beside the variants' online click-through.
 *
 * <p>The movies and the order the user saw were chosen by the logged variant, so replay compares orderings of the
 * shown movies, not whole-catalogue rankings; and the user's genre affinities and neighbours are today's materialized
 * ones. The exact expectation of a random order of each answer is the floor every model should clear.
 */
@ApplicationScoped
public class Replay {

    /** The row of the exact expectation of a random order of each answer. */
    public static final String RANDOM = "random-order";
    /** The default number of answers replayed (the latest ones). */
    public static final int DEFAULT_LIMIT = 20_000;

    private final EventRepository events;
    private final FeatureExtractor extractor;
    private final SignalSnapshots snapshots;
    private final ModelRegistry registry;
    private final SignalsConfig signals;
    private final Clock clock = Clock.systemUTC();

    public Replay(EventRepository events, FeatureExtractor extractor, SignalSnapshots snapshots, ModelRegistry registry,
                  SignalsConfig signals) {
        this.events = events;
        this.extractor = extractor;
        this.snapshots = snapshots;
        this.registry = registry;
        this.signals = signals;
    }

    /** One model's figures: means over the answers with something taken up; the difference to the first model. */
    public record ModelFigures(String model, long answers, double ndcg, double mrr, double hitAt1,
                               Map<String, Double> ndcgByVariant, Metrics.PairedDifference ndcgVersusFirst) {
    }

    /**
     * What happened online to the same answers, per logged variant and model: answers, movies shown, shown movies taken
     * up, and the take-up rate (taken up / shown).
     */
    public record Logged(String variant, String model, long answers, long shown, long takenUp, Double takeUpRate) {
    }

    /**
     * The replay: window, answers read, answers with something taken up (the ones scored), each model's offline
     * figures, and the logged variants' online figures on the same answers.
     */
    public record Result(long windowDays, long answers, long scored, double liked, List<ModelFigures> models,
                         List<Logged> logged) {
    }

    /**
     * Replays the latest {@code limit} answers of the window. {@code models}: stored versions, {@code active} and
     * {@code popular} (by number of ratings); empty means the stored versions that served the logged answers, the
     * active one and {@code popular}. {@code variants}: only the answers served in these (empty: all). A movie rated at
     * least {@code liked} after it was shown counts as taken up.
     */
    public Result run(Duration window, List<String> models, List<String> variants, int limit, double liked) {
        if (limit < 1) {
            throw new InvalidParameterException("limit", "must be at least 1");
        }
        long since = clock.instant().getEpochSecond() - window.toSeconds();
        List<EventRepository.Slate> slates = events.slates(since, variants == null ? List.of() : List.copyOf(variants), limit, liked);
        List<EventRepository.Slate> scored = slates.stream()
                .filter(s -> !s.positives().isEmpty() && s.shown().size() > 1).toList();
        Map<String, Orderer> orderers = orderers(models, slates);
        SignalSnapshot snapshot = snapshots.current();
        Map<String, double[][]> figures = new LinkedHashMap<>();
        orderers.keySet().forEach(name -> figures.put(name, new double[3][scored.size()]));
        double[][] random = new double[3][scored.size()];
        try (Progress progress = Progress.items("Replay", scored.size(), "answers")) {
            for (int i = 0; i < scored.size(); i++) {
                EventRepository.Slate slate = scored.get(i);
                Optional<UserSide> side = extractor.request(slate.userId())
                        .map(s -> asOf(s, slate.at(), snapshot));
                for (Map.Entry<String, Orderer> e : orderers.entrySet()) {
                    List<Long> order = side.isEmpty() ? slate.shown() : e.getValue().order(slate, side.get(), snapshot);
                    double[][] f = figures.get(e.getKey());
                    f[0][i] = Metrics.ndcg(order, slate.positives(), order.size());
                    f[1][i] = Metrics.reciprocalRank(order, slate.positives());
                    f[2][i] = slate.positives().contains(order.get(0)) ? 1 : 0;
                }
                int n = slate.shown().size();
                int p = (int) slate.shown().stream().filter(slate.positives()::contains).count();
                random[0][i] = randomNdcg(n, p);
                random[1][i] = randomReciprocalRank(n, p);
                random[2][i] = (double) p / n;
                progress.step();
            }
        }
        figures.put(RANDOM, random);
        List<ModelFigures> out = new ArrayList<>();
        double[] first = figures.values().iterator().next()[0];
        for (Map.Entry<String, double[][]> e : figures.entrySet()) {
            double[][] f = e.getValue();
            Map<String, double[]> byVariant = new TreeMap<>();
            Map<String, Double> ndcgByVariant = new TreeMap<>();
            for (int i = 0; i < scored.size(); i++) {
                double[] acc = byVariant.computeIfAbsent(scored.get(i).variant(), v -> new double[2]);
                acc[0] += f[0][i];
                acc[1]++;
            }
            byVariant.forEach((v, acc) -> ndcgByVariant.put(v, acc[0] / acc[1]));
            out.add(new ModelFigures(e.getKey(), scored.size(), mean(f[0]), mean(f[1]), mean(f[2]), ndcgByVariant,
                    scored.size() < 2 || f[0] == first ? null : Metrics.pairedDifference(f[0], first)));
        }
        return new Result(window.toDays(), slates.size(), scored.size(), liked, out, logged(slates));
    }

    private static List<Logged> logged(List<EventRepository.Slate> slates) {
        Map<List<String>, long[]> by = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1)));
        for (EventRepository.Slate s : slates) {
            long[] acc = by.computeIfAbsent(List.of(s.variant(), String.valueOf(s.model())), k -> new long[3]);
            acc[0]++;
            acc[1] += s.shown().size();
            acc[2] += s.shown().stream().filter(s.positives()::contains).count();
        }
        List<Logged> out = new ArrayList<>();
        by.forEach((k, acc) -> out.add(new Logged(k.get(0), k.get(1), acc[0], acc[1], acc[2],
                acc[1] == 0 ? null : (double) acc[2] / acc[1])));
        return out;
    }

    /** Orders the movies an answer showed, for a user side as it was then. */
    @FunctionalInterface
    interface Orderer {
        List<Long> order(EventRepository.Slate slate, UserSide side, SignalSnapshot snapshot);
    }

    private Map<String, Orderer> orderers(List<String> asked, List<EventRepository.Slate> slates) {
        List<String> stored = registry.store().versions();
        List<String> names = new ArrayList<>();
        if (asked == null || asked.isEmpty()) {
            Set<String> served = new LinkedHashSet<>();
            slates.stream().map(EventRepository.Slate::model).filter(stored::contains).sorted().forEach(served::add);
            registry.active().map(m -> m.info().version()).ifPresent(served::add);
            served.add(Experiments.POPULAR_MODEL);
            names.addAll(served);
        } else {
            for (String name : asked) {
                String model = name.strip();
                if ("active".equals(model)) {
                    model = registry.active().map(m -> m.info().version()).orElseThrow(() ->
                            new InvalidParameterException("models", "'active', but no model is active"));
                }
                if (!Experiments.POPULAR_MODEL.equals(model) && !stored.contains(model)) {
                    throw new InvalidParameterException("models", "'" + model + "' is not a stored model version "
                            + "(GET /api/model lists them), 'active' or 'popular'");
                }
                if (!names.contains(model)) {
                    names.add(model);
                }
            }
        }
        Map<String, Orderer> out = new LinkedHashMap<>();
        for (String name : names) {
            out.put(name, Experiments.POPULAR_MODEL.equals(name) ? Replay::byPopularity : byModel(load(name)));
        }
        return out;
    }

    private RankerModel load(String version) {
        return registry.active().filter(m -> m.info().version().equals(version))
                .orElseGet(() -> registry.store().load(version));
    }

    private Orderer byModel(RankerModel model) {
        int historySize = signals.historySize();
        return (slate, side, snapshot) -> model.score(model.context(slate.userId(), side, snapshot, historySize),
                slate.shown(), snapshot, extractor).stream().map(RankerModel.Scored::movieId).toList();
    }

    private static List<Long> byPopularity(EventRepository.Slate slate, UserSide side, SignalSnapshot snapshot) {
        return slate.shown().stream().sorted(Comparator.comparingLong((Long m) -> {
            SignalSnapshot.MovieSignals movie = snapshot.movie(m);
            return movie == null ? 0 : -movie.ratingCount();
        }).thenComparing(Comparator.naturalOrder())).toList();
    }

    /** The user's side with only what they had rated or viewed before {@code at}, its statistics recomputed. */
    UserSide asOf(UserSide side, long at, SignalSnapshot snapshot) {
        List<UserSide.Rated> before = side.ratings().stream().filter(r -> r.ratedAt() < at).toList();
        UserSide cut = new UserSide(before.size(), side.meanRating(), side.ratingSd(), side.cohortLevel(), side.gender(),
                side.ageBand(), side.occupation(), before, side.prefers(), side.neighbours());
        return LiveUserSignals.current(cut, snapshot, signals.genreShrinkage());
    }

    /** E[NDCG] of a uniformly random order of n movies of which p are relevant: (p/n)·Σ_{i≤n} 1/log2(i+1) / IDCG. */
    static double randomNdcg(int n, int p) {
        if (p == 0) {
            return 0;
        }
        double all = 0;
        double ideal = 0;
        for (int i = 1; i <= n; i++) {
            double g = 1 / (Math.log(i + 1) / Math.log(2));
            all += g;
            if (i <= p) {
                ideal += g;
            }
        }
        return (double) p / n * all / ideal;
    }

    /** E[1/rank of the first relevant] of a random order: P(first at i) = C(n−i, p−1) / C(n, p). */
    static double randomReciprocalRank(int n, int p) {
        if (p == 0) {
            return 0;
        }
        double expected = 0;
        double firstAt = (double) p / n;
        for (int i = 1; i <= n - p + 1; i++) {
            expected += firstAt / i;
            if (i < n) {
                firstAt *= (double) (n - i - p + 1) / (n - i); // C(n−i−1, p−1) / C(n−i, p−1)
            }
        }
        return expected;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length == 0 ? 0 : sum / values.length;
    }
}
