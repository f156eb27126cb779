package io.cinegraph.events;

import io.cinegraph.domain.TimeWindows;
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
import jakarta.inject.Inject;

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
 * Offline replay of the logged answers, with the user's history as it was when each was shown (ratings and views
 * before that second), scored on the movies the user then took up (clicked, viewed, or rated well): each model
 * re-ranks the very movies the answer showed (NDCG, MRR, hit@1), and ranks the whole catalogue on its own (recall of the
 * taken-up movies in its first n, n the number shown). Every model is measured on the same answers whichever variant
 * served them, so the offline figures can be read beside the variants' online take-up.
 *
 * <p>Only shown movies can be taken up, so recall favours the model whose picks the logged variants showed (read it
 * per variant); the user's neighbours are today's materialized ones. The exact expectation of a random order (and of
 * n random unseen movies) is the floor every model should clear.
 */
@ApplicationScoped
public class Replay {

    /** The row of the exact expectation of a random order of each answer. */
    public static final String RANDOM = "random-order";
    /** The default number of answers replayed (the latest ones), as the API's and the CLI's default text. */
    public static final String DEFAULT_LIMIT = "20000";
    /** The default window of the online reports and the replay, in days up to now (the API's and the CLI's default). */
    public static final String DEFAULT_DAYS = "30";

    @Inject EventRepository events;
    @Inject FeatureExtractor extractor;
    @Inject SignalSnapshots snapshots;
    @Inject ModelRegistry registry;
    @Inject SignalsConfig signals;
    @Inject io.cinegraph.ranker.RankerConfig ranker;
    private final Clock clock = Clock.systemUTC();

    /**
     * One model's figures, means over the answers with something taken up: re-ranking the shown movies (NDCG, MRR,
     * hit@1), and {@code recall}, the share of the taken-up movies among the model's own first n of the whole catalogue
     * (n = how many the answer showed); each per logged variant too; the NDCG difference to the first model.
     */
    public record ModelFigures(String model, long answers, double ndcg, double mrr, double hitAt1, double recall,
                               Map<String, Double> ndcgByVariant, Map<String, Double> recallByVariant,
                               Metrics.PairedDifference ndcgVersusFirst) {
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
        return run(clock.instant().getEpochSecond() - window.toSeconds(), models, variants, limit, liked);
    }

    /** As {@link #run(Duration, List, List, int, double)}, over the answers since {@code since} (epoch seconds). */
    public Result run(long since, List<String> models, List<String> variants, int limit, double liked) {
        if (limit < 1) {
            throw new InvalidParameterException("limit", "must be at least 1");
        }
        long windowDays = Math.max(0, (clock.instant().getEpochSecond() - since) / TimeWindows.DAY);
        List<EventRepository.Slate> slates = events.slates(since, variants == null ? List.of() : List.copyOf(variants), limit, liked);
        List<EventRepository.Slate> scored = slates.stream()
                .filter(s -> !s.positives().isEmpty() && s.shown().size() > 1).toList();
        Map<String, Orderer> orderers = orderers(models, slates);
        SignalSnapshot snapshot = snapshots.current();
        Map<String, double[][]> figures = new LinkedHashMap<>();
        orderers.keySet().forEach(name -> figures.put(name, new double[4][scored.size()]));
        double[][] random = new double[4][scored.size()];
        int catalogue = snapshot.movieIds().size();
        try (Progress progress = Progress.items("Replay", scored.size(), " answers")) {
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
                    int k = slate.shown().size();
                    List<Long> top = side.isEmpty() ? List.of() : e.getValue().top(slate, side.get(), snapshot, k);
                    f[3][i] = Metrics.recall(top, slate.positives(), k);
                }
                int n = slate.shown().size();
                int p = (int) slate.shown().stream().filter(slate.positives()::contains).count();
                random[0][i] = RandomOrder.ndcg(n, p);
                random[1][i] = RandomOrder.reciprocalRank(n, p);
                random[2][i] = (double) p / n;
                int unseen = catalogue - side.map(x -> x.ratings().size()).orElse(0);
                random[3][i] = unseen <= 0 ? 0 : Math.min(1.0, (double) n / unseen);
                progress.step();
            }
        }
        figures.put(RANDOM, random);
        List<ModelFigures> out = new ArrayList<>();
        double[] first = figures.values().iterator().next()[0];
        for (Map.Entry<String, double[][]> e : figures.entrySet()) {
            double[][] f = e.getValue();
            out.add(new ModelFigures(e.getKey(), scored.size(), mean(f[0]), mean(f[1]), mean(f[2]), mean(f[3]),
                    byVariant(scored, f[0]), byVariant(scored, f[3]),
                    scored.size() < 2 || f[0] == first ? null : Metrics.pairedDifference(f[0], first)));
        }
        return new Result(windowDays, slates.size(), scored.size(), liked, out, logged(slates));
    }

    private static Map<String, Double> byVariant(List<EventRepository.Slate> scored, double[] values) {
        Map<String, double[]> sums = new TreeMap<>();
        for (int i = 0; i < scored.size(); i++) {
            double[] acc = sums.computeIfAbsent(scored.get(i).variant(), v -> new double[2]);
            acc[0] += values[i];
            acc[1]++;
        }
        Map<String, Double> out = new TreeMap<>();
        sums.forEach((v, acc) -> out.put(v, acc[0] / acc[1]));
        return out;
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

    /** What a model does with an answer, for a user side as it was then. */
    interface Orderer {
        /** The movies the answer showed, in this model's order. */
        List<Long> order(EventRepository.Slate slate, UserSide side, SignalSnapshot snapshot);

        /** This model's own first {@code k} movies from the whole catalogue (none the user had rated or viewed). */
        List<Long> top(EventRepository.Slate slate, UserSide side, SignalSnapshot snapshot, int k);
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
            out.put(name, Experiments.POPULAR_MODEL.equals(name) ? byPopularity(snapshots.current()) : byModel(load(name)));
        }
        return out;
    }

    private RankerModel load(String version) {
        return registry.active().filter(m -> m.info().version().equals(version))
                .orElseGet(() -> registry.store().load(version));
    }

    private Orderer byModel(RankerModel model) {
        int historySize = signals.historySize();
        return new Orderer() {
            @Override
            public List<Long> order(EventRepository.Slate slate, UserSide side, SignalSnapshot snapshot) {
                return model.score(model.context(slate.userId(), side, snapshot, historySize), slate.shown(), snapshot,
                        extractor).stream().map(RankerModel.Scored::movieId).toList();
            }

            @Override
            public List<Long> top(EventRepository.Slate slate, UserSide side, SignalSnapshot snapshot, int k) {
                return model.rank(model.context(slate.userId(), side, snapshot, historySize), List.of(), snapshot,
                        extractor, ranker).stream().limit(k).map(RankerModel.Scored::movieId).toList();
            }
        };
    }

    /** By number of ratings, most first (ties by lower id). */
    private static Orderer byPopularity(SignalSnapshot now) {
        Comparator<Long> popular = Comparator.comparingLong((Long m) -> {
            SignalSnapshot.MovieSignals movie = now.movie(m);
            return movie == null ? 0 : -movie.ratingCount();
        }).thenComparing(Comparator.naturalOrder());
        List<Long> catalogue = now.movieIds().stream().sorted(popular).toList();
        return new Orderer() {
            @Override
            public List<Long> order(EventRepository.Slate slate, UserSide side, SignalSnapshot snapshot) {
                return slate.shown().stream().sorted(popular).toList();
            }

            @Override
            public List<Long> top(EventRepository.Slate slate, UserSide side, SignalSnapshot snapshot, int k) {
                Set<Long> seen = new java.util.HashSet<>();
                side.ratings().forEach(r -> seen.add(r.movieId()));
                return catalogue.stream().filter(m -> !seen.contains(m)).limit(k).toList();
            }
        };
    }

    /** The user's side with only what they had rated or viewed before {@code at}, its statistics recomputed. */
    UserSide asOf(UserSide side, long at, SignalSnapshot snapshot) {
        List<UserSide.Rated> before = side.ratings().stream().filter(r -> r.ratedAt() < at).toList();
        UserSide cut = new UserSide(before.size(), side.meanRating(), side.ratingSd(), side.cohortLevel(), side.gender(),
                side.ageBand(), side.occupation(), before, side.prefers(), side.neighbours());
        return LiveUserSignals.current(cut, snapshot, signals.genreShrinkage());
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length == 0 ? 0 : sum / values.length;
    }
}
