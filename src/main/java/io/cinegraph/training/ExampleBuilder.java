package io.cinegraph.training;

import io.cinegraph.domain.LikedGenres;
import io.cinegraph.domain.UserSide;
import io.cinegraph.model.Collaborative;
import io.cinegraph.ranker.RankerConfig;
import io.cinegraph.ranker.RankerInputs;
import io.cinegraph.ranker.RankerSchema;
import io.cinegraph.ranker.StatedPreferences;
import io.cinegraph.signals.FeatureExtractor;
import io.cinegraph.signals.FeatureVector;
import io.cinegraph.signals.SignalSnapshot;
import io.cinegraph.support.Progress;
import io.cinegraph.support.Seeds;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Builds the training examples of every user with targets, on every core: candidates from the user's history,
 * their features read from the history graph, label = is a target, plus seeded random negatives; cold users are
 * augmented as users with a few ratings and as sign-ups (see {@link #userExamples}).
 */
final class ExampleBuilder {

    /** A user id outside every vocabulary: examples built with it use no user embedding. */
    private static final long ANONYMOUS = Long.MIN_VALUE;

    /** What every user's examples are built from: the history graph's features, the item index, the schema. */
    record Inputs(FeatureExtractor extractor, SignalSnapshot snapshot, Collaborative index, RankerSchema schema,
                  TrainingCut cut, List<Long> users) {
    }

    private final RankerConfig config;
    private final int historySize;
    private final Inputs in;
    private final RankerSchema.Indexes indexes;

    ExampleBuilder(RankerConfig config, int historySize, Inputs inputs) {
        this.config = config;
        this.historySize = historySize;
        this.in = inputs;
        this.indexes = inputs.schema().indexes();
    }

    /** The examples of the training users (those with targets, or a seeded sample of them), in user order. */
    List<UserExamples> build() {
        List<Long> users = in.users();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
        try (Progress progress = Progress.items("Training examples", users.size(), " users")) {
            List<Future<List<UserExamples>>> futures = new ArrayList<>();
            for (long userId : users) {
                futures.add(pool.submit(() -> {
                    List<UserExamples> e = userExamples(userId);
                    progress.step();
                    return e;
                }));
            }
            List<UserExamples> out = new ArrayList<>();
            for (Future<List<UserExamples>> f : futures) {
                out.addAll(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while building training examples", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The user's examples. A user with history gives one: their latest target held out for validation, the
     * earlier ones as labels. A cold user (see {@link TrainingCut}) gives up to four, all with all their later
     * ratings as targets: through the zero vector, as the graph sees them (their first few ratings, signals and
     * neighbours computed on them) with and without their {@link LikedGenres} stated at sign-up; through their
     * own embedding if they have one; and as a brand-new sign-up with their demographics and those genres only,
     * whose targets are all their ratings. So the network learns to serve new users and users with a handful of
     * ratings on the task they are judged on, as the service presents them (see {@code RecommendationService}).
     */
    private List<UserExamples> userExamples(long userId) {
        UserSide request = in.extractor().request(userId).orElse(null);
        Set<Long> targets = in.cut().targets().get(userId);
        if (request == null || request.ratings().isEmpty()) {
            return List.of();
        }
        if (!in.cut().cold().contains(userId)) {
            Set<Long> heldOut = in.cut().heldOut().getOrDefault(userId, Set.of());
            Set<Long> earlier = new HashSet<>(targets);
            earlier.removeAll(heldOut);
            return List.of(example(userId, request, earlier, heldOut, false, false));
        }
        SignalSnapshot snapshot = in.snapshot();
        StatedPreferences likes = new StatedPreferences(LikedGenres.of(in.cut().all().get(userId), movieId -> {
            SignalSnapshot.MovieSignals m = snapshot.movie(movieId);
            return m == null ? null : m.genres();
        }), List.of());
        double top = snapshot.global().ratingMax();
        long now = snapshot.global().latestRatedAt();
        List<UserExamples> out = new ArrayList<>();
        out.add(example(userId, likes.apply(request, top, now), targets, Set.of(), true, false));
        out.add(example(userId, request, targets, Set.of(), true, false));
        if (indexes.embedded(userId)) {
            // and once through their own embedding, which so learns their taste from all their later ratings
            out.add(example(userId, request, targets, Set.of(), false, false));
        }
        UserSide stated = likes.apply(StatedPreferences.demographicsOnly(request), top, now);
        Set<Long> everyRating = new HashSet<>(targets);
        request.ratings().forEach(r -> everyRating.add(r.movieId()));
        out.add(example(userId, stated, everyRating, Set.of(), true, true));
        return out;
    }

    private UserExamples example(long userId, UserSide request, Set<Long> targets, Set<Long> heldOut, boolean cold,
                                 boolean signUp) {
        // cold users' examples go through the zero (no-embedding) slot, as new users do
        RankerInputs.UserContext context = RankerInputs.context(cold ? ANONYMOUS : userId, request, in.snapshot(),
                in.index(), historySize);
        List<Long> candidates = RankerInputs.candidates(context, in.snapshot(), in.index(), config);
        List<Long> movies = new ArrayList<>(candidates);
        movies.addAll(randomNegatives(userId, candidates, context.rated()));
        List<FeatureVector> vectors = in.extractor().extract(request, movies, in.snapshot());
        RankerInputs.Rows rows = RankerInputs.rows(context, vectors, in.snapshot(), in.index(), in.schema(), indexes);
        float[] labels = new float[rows.size()];
        for (int r = 0; r < labels.length; r++) {
            labels[r] = targets.contains(rows.movieIds()[r]) ? 1 : 0;
        }
        return new UserExamples(userId, rows, labels, targets, heldOut, cold, signUp);
    }

    /**
     * {@code randomNegatives} movies drawn uniformly (seeded per user) from the catalogue outside the candidates
     * and the user's ratings, so that the network also learns to rank the long tail below the candidates when
     * it scores a whole catalogue (evaluation's full ranking). Targets drawn this way keep their label 1.
     */
    private List<Long> randomNegatives(long userId, List<Long> candidates, Set<Long> rated) {
        Set<Long> taken = new HashSet<>(candidates);
        taken.addAll(rated);
        List<Long> pool = new ArrayList<>();
        for (int i = 0; i < in.index().items(); i++) {
            if (!taken.contains(in.index().movieId(i))) {
                pool.add(in.index().movieId(i));
            }
        }
        Collections.shuffle(pool, new Random(Seeds.mix(config.seed(), userId)));
        return pool.subList(0, Math.min(config.randomNegatives(), pool.size()));
    }
}
