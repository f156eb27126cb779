package io.cinegraph.signals;

import io.cinegraph.domain.TimeWindows;
import io.cinegraph.graph.SignalsRepository;
import io.cinegraph.support.Progress;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Recomputes every materialized signal, in dependency order, a batch per transaction: user statistics → cohorts →
 * movie popularity → genre priors → genre affinities (PREFERS) → user neighbours (NEIGHBOUR) → item
 * similarity (SIMILAR, by ratings, then by content for sparsely rated movies). Neighbours and both similarities
 * are computed in memory from one bulk read ({@link CoRatings}, {@link ContentSimilarity}) and written back. Also refreshes one user's
 * signals after they rate something.
 */
@ApplicationScoped
public class SignalJob {

    private static final Logger LOG = Logger.getLogger(SignalJob.class);
    private static final double SECONDS_PER_DAY = TimeWindows.DAY;

    private final SignalsRepository repository;
    private final SignalsConfig config;
    private final SignalSnapshots snapshots;

    public SignalJob(SignalsRepository repository, SignalsConfig config, SignalSnapshots snapshots) {
        this.repository = repository;
        this.config = config;
        this.snapshots = snapshots;
    }

    /** Seconds each step took, in order. */
    public record Timings(Map<String, Double> steps) {
        public double total() {
            return steps.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        public String describe() {
            StringBuilder s = new StringBuilder(String.format("Signals recomputed in %.1f s (", total()));
            steps.forEach((k, v) -> s.append(String.format("%s %.1f s, ", k, v)));
            s.setLength(s.length() - 2);
            return s.append(')').toString();
        }
    }

    public synchronized Timings recomputeAll() {
        long startedMillis = System.currentTimeMillis();
        Map<String, Double> steps = new LinkedHashMap<>();
        List<Long> users = repository.userIds();
        List<Long> movies = repository.movieIds();
        RatingTable table = timed(steps, "rating matrix", () -> RatingTable.read(repository));
        RatingStats stats = new RatingStats(table);
        timed(steps, "user stats", () -> batches("User statistics", users, " users", b -> {
            repository.setUserStats(stats.users(b));
            repository.ageBands(b);
        }));
        timed(steps, "cohorts", () -> {
            List<SignalsRepository.Demographics> all = demographics();
            CohortLevels cohorts = new CohortLevels(all, config.cohortMinUsers());
            batches("Demographic cohorts", all, " users",
                    b -> repository.setCohortLevels(b.stream().map(cohorts::of).toList()));
        });
        SignalsRepository.GlobalStats global = stats.global();
        timed(steps, "popularity", () -> batches("Movie popularity", movies, " movies",
                b -> repository.setMoviePopularity(stats.movies(b, global, config.popularityPriorWeight(),
                        config.trendHalfLifeDays() * SECONDS_PER_DAY))));
        // the user-side signals read viewed movies as history too (ratings of view-rating); popularity and the
        // statistics above are ratings only
        RatingTable history = timed(steps, "viewing history", () -> table.withViews(repository, config.viewRating()));
        timed(steps, "genre affinity", () -> {
            GenreAffinities affinities = GenreAffinities.compute(history, repository.movieGenres(), config.genreShrinkage());
            repository.setGenrePriors(affinities.priors(), affinities.supports());
            batches("Genre affinity", users, " users", b -> repository.replaceGenreAffinity(affinities.of(b)));
        });
        CoRatings[] co = new CoRatings[1]; // dropped after the two steps that walk it
        timed(steps, "user neighbours", () -> {
            co[0] = CoRatings.of(history);
            batches("User neighbours", users, " users",
                    b -> repository.replaceUserNeighbours(co[0].userNeighbours(b, config.neighbours().k(),
                            config.neighbours().minOverlap(), config.neighbours().shrinkage(), config.degreeCap())));
        });
        timed(steps, "item similarity", () -> batches("Item similarity", movies, " movies",
                b -> repository.replaceRatingSimilarity(co[0].itemSimilarity(b, config.similar().k(),
                        config.similar().minOverlap(), config.similar().shrinkage(), config.degreeCap()))));
        co[0] = null;
        timed(steps, "content similarity", () -> {
            ContentSimilarity content = ContentSimilarity.read(repository);
            batches("Content similarity", movies, " movies", b -> repository.replaceContentSimilarity(
                    content.of(b, config.similar().k(), config.contentMinRatings(), config.contentYearScale())));
        });
        timed(steps, "snapshot", () -> snapshots.rebuild(table, global));
        // every user's signals are now as of the ratings read at the start: writes before it are no longer owed
        repository.clearStale(null, startedMillis);
        snapshots.computedAt(startedMillis);
        repository.recordComputed(startedMillis);
        Timings timings = new Timings(steps);
        LOG.info(timings.describe());
        return timings;
    }

    /**
     * After a user's ratings change: their statistics, genre affinities and neighbours, and the popularity of
     * the movies they touched. Bounded by the degree cap, so it fits in a request.
     */
    public void refreshUser(long userId, List<Long> touchedMovies) {
        List<Long> user = List.of(userId);
        repository.userStats(user);
        repository.ageBands(user);
        List<SignalsRepository.Demographics> all = demographics();
        CohortLevels cohorts = new CohortLevels(all, config.cohortMinUsers());
        repository.setCohortLevels(all.stream().filter(d -> d.userId() == userId).map(cohorts::of).toList());
        SignalsRepository.GlobalStats global = repository.globalStats();
        if (!touchedMovies.isEmpty()) {
            repository.moviePopularity(touchedMovies, global, config.popularityPriorWeight(),
                    config.trendHalfLifeDays() * SECONDS_PER_DAY);
        }
        repository.genreAffinity(user, config.genreShrinkage());
        repository.userNeighbours(user, config.neighbours().k(), config.neighbours().minOverlap(),
                config.neighbours().shrinkage(), config.degreeCap());
    }

    /**
     * After users' ratings changed (the background refresh of {@link StaleUsers}), all but their neighbours (see
     * {@link #refreshNeighbours}): their statistics and genre affinities, and the popularity of the movies they
     * touched, shrunk toward the snapshot's graph-wide figures (which one rating barely moves). Demographic cohorts do
     * not depend on ratings and are left alone.
     */
    public void refreshUserStats(List<Long> users, java.util.Collection<Long> touchedMovies) {
        if (!touchedMovies.isEmpty()) {
            repository.moviePopularity(List.copyOf(touchedMovies), snapshots.current().global(),
                    config.popularityPriorWeight(), config.trendHalfLifeDays() * SECONDS_PER_DAY);
        }
        if (users.isEmpty()) {
            return;
        }
        repository.userStats(users);
        repository.genreAffinity(users, config.genreShrinkage());
    }

    /**
     * A user's neighbours, after their ratings changed. One transaction per user: writing a user's NEIGHBOUR
     * relationships locks the user and every neighbour, and a rating write of any of them waits for that
     * transaction; a batch's would hold most users at once.
     */
    public void refreshNeighbours(long user) {
        repository.userNeighbours(List.of(user), config.neighbours().k(), config.neighbours().minOverlap(),
                config.neighbours().shrinkage(), config.degreeCap());
    }

    /** One movie's popularity, rating-based and content-based similarity, on demand. */
    public void refreshMovie(long movieId) {
        List<Long> movie = List.of(movieId);
        repository.moviePopularity(movie, repository.globalStats(), config.popularityPriorWeight(),
                config.trendHalfLifeDays() * SECONDS_PER_DAY);
        repository.itemSimilarity(movie, config.similar().k(), config.similar().minOverlap(),
                config.similar().shrinkage(), config.degreeCap());
        repository.replaceContentSimilarity(ContentSimilarity.read(repository).of(movie, config.similar().k(),
                config.contentMinRatings(), config.contentYearScale()));
    }

    /**
     * Runs {@code step} over {@code ids} in batches on {@code parallelism} threads. Batches touch disjoint
     * start nodes; a rare lock conflict between two of them is retried by the managed transaction.
     */
    private <T> void batches(String task, List<T> ids, String unit, Consumer<List<T>> step) {
        int size = config.batchSize();
        ExecutorService pool = Executors.newFixedThreadPool(config.parallelism());
        AtomicLong done = new AtomicLong();
        try (Progress progress = Progress.items(task, ids.size(), unit)) {
            List<Future<?>> pending = new ArrayList<>();
            for (int from = 0; from < ids.size(); from += size) {
                List<T> batch = ids.subList(from, Math.min(ids.size(), from + size));
                pending.add(pool.submit(() -> {
                    step.accept(batch);
                    progress.stepTo(done.addAndGet(batch.size()));
                }));
            }
            for (Future<?> f : pending) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(task + " interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void timed(Map<String, Double> steps, String name, Runnable work) {
        timed(steps, name, () -> {
            work.run();
            return null;
        });
    }

    private static <T> T timed(Map<String, Double> steps, String name, Supplier<T> work) {
        long started = System.nanoTime();
        T result = work.get();
        steps.put(name, (System.nanoTime() - started) / 1e9);
        return result;
    }

    private List<SignalsRepository.Demographics> demographics() {
        List<SignalsRepository.Demographics> all = new ArrayList<>();
        repository.userDemographics(all::add);
        return all;
    }
}
