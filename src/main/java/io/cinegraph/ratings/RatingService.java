package io.cinegraph.ratings;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.cinegraph.catalog.CatalogService;
import io.cinegraph.catalog.NotFoundException;
import io.cinegraph.domain.DatasetInfo;
import io.cinegraph.domain.RatingScale;
import io.cinegraph.domain.UserRating;
import io.cinegraph.graph.RatingRepository;
import io.cinegraph.recommend.RecommendationService;
import io.cinegraph.signals.StaleUsers;
import io.cinegraph.support.ApiConfig;
import io.cinegraph.support.InvalidParameterException;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Rating ingestion through the API. A write is checked against the dataset's rating scale and stored in one
 * transaction that also marks the user's graph signals stale (concurrent single writes share a transaction:
 * {@link RatingWriter}); the user's cached recommendations are dropped, so
 * the very next request ranks from their current ratings (whose statistics and genre affinities it computes
 * itself). Their materialized signals (statistics, genre affinities, neighbours) and the movie's popularity are
 * refreshed in the background ({@link StaleUsers}). Other users see the rating after the next signal run.
 */
@ApplicationScoped
public class RatingService {

    /** Single writes that share one transaction at most, and that may wait for one. */
    static final int GROUP_COMMIT_MAX = 256;
    static final int GROUP_COMMIT_WRITERS = 1;
    static final int GROUP_COMMIT_QUEUE = 10_000;

    @Inject RatingRepository repository;
    @Inject CatalogService catalog;
    @Inject StaleUsers stale;
    @Inject RecommendationService recommendations;
    @Inject MeterRegistry meters;
    @Inject ApiConfig api;
    private final Clock clock = Clock.systemUTC();
    /** Re-read a minute after it was read, in the background: writes meanwhile use the value held (never wait). */
    private final LoadingCache<Boolean, RatingScale> scales = Caffeine.newBuilder()
            .refreshAfterWrite(java.time.Duration.ofMinutes(1)).build(k -> readScale());
    private RatingWriter writer;

    @PostConstruct
    void open() {
        writer = new RatingWriter(repository, this::committed, GROUP_COMMIT_WRITERS, GROUP_COMMIT_MAX,
                GROUP_COMMIT_QUEUE, meters);
    }

    @PreDestroy
    void close() {
        writer.close();
    }

    public record Written(long userId, long movieId, double rating, long ratedAt, boolean created) {
    }

    /** One rating of a batch, as sent (any field may be missing); {@code ratedAt} in epoch seconds, default now. */
    public record Item(Long userId, Long movieId, Double rating, Long ratedAt) {
    }

    /** What a batch wrote: every rating, of which {@code created} new and {@code updated} replaced. */
    public record BatchWritten(long written, long created, long updated) {
    }

    /**
     * Writes a batch of ratings all or nothing: every item is checked first (fields, scale, time, users and movies
     * that exist, each (user, movie) once) and any problem refuses the whole batch naming each bad item
     * ({@code ratings[i].field}); otherwise one transaction writes them all.
     */
    public BatchWritten putAll(List<Item> items) {
        InvalidParameterException.checkBatch("ratings", items, api.maxBatchRatings(),
                "{\"userId\": 1, \"movieId\": 2, \"rating\": 4}");
        RatingScale scale = scale();
        java.time.Instant at = clock.instant();
        long now = at.getEpochSecond();
        List<InvalidParameterException.Field> errors = new ArrayList<>();
        Map<List<Long>, Integer> firstAt = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            String where = "ratings[" + i + "]";
            if (item == null) {
                errors.add(new InvalidParameterException.Field(where, "is null; expected {\"userId\", \"movieId\", \"rating\"}"));
                continue;
            }
            if (item.userId() == null || item.userId() < 0) {
                errors.add(new InvalidParameterException.Field(where + ".userId", "is required: a user id ≥ 0"));
            }
            if (item.movieId() == null || item.movieId() < 0) {
                errors.add(new InvalidParameterException.Field(where + ".movieId", "is required: a movie id ≥ 0"));
            }
            String problem = scale.problem(item.rating());
            if (problem != null) {
                errors.add(new InvalidParameterException.Field(where + ".rating", problem));
            }
            InvalidParameterException.checkTime(where + ".ratedAt", item.ratedAt(), now, errors);
            if (item.userId() != null && item.movieId() != null) {
                Integer first = firstAt.putIfAbsent(List.of(item.userId(), item.movieId()), i);
                if (first != null) {
                    errors.add(new InvalidParameterException.Field(where, "rates movie " + item.movieId() + " for user "
                            + item.userId() + " again (first at ratings[" + first + "]); send each pair once"));
                }
            }
        }
        if (errors.isEmpty()) {
            errors.addAll(repository.unknown("ratings", items.stream().map(Item::userId).toList(),
                    items.stream().map(Item::movieId).toList()));
        }
        InvalidParameterException.throwIfAny(errors);
        List<RatingRepository.NewRating> rows = items.stream().map(item -> new RatingRepository.NewRating(item.userId(),
                item.movieId(), item.rating(), item.ratedAt() != null ? item.ratedAt() : now)).toList();
        RatingRepository.BatchWrite written = repository.putAll(rows, at.toEpochMilli());
        Map<Long, List<Long>> byUser = new LinkedHashMap<>();
        rows.forEach(r -> byUser.computeIfAbsent(r.userId(), k -> new ArrayList<>()).add(r.movieId()));
        byUser.forEach((userId, touched) -> {
            stale.mark(userId, touched);
            recommendations.forget(userId);
        });
        return new BatchWritten(written.written(), written.created(), written.written() - written.created());
    }

    public List<UserRating> ratings(long userId) {
        catalog.user(userId);
        return repository.ratings(userId);
    }

    /**
     * Writes one rating; the answer completes once it is committed (group commit, {@link RatingWriter}) and the
     * user's next recommendation reflects it. A 400 for a rating off the scale (at once), a 404 naming the missing
     * user or movie.
     */
    public CompletionStage<Written> put(long userId, long movieId, Double rating) {
        checkScale(rating);
        java.time.Instant at = clock.instant();
        long now = at.getEpochSecond();
        return writer.submit(new RatingRepository.NewRating(userId, movieId, rating, now), at.toEpochMilli())
                .thenCompose(created -> created.isPresent()
                        ? CompletableFuture.completedFuture(new Written(userId, movieId, rating, now, created.get()))
                        : CompletableFuture.supplyAsync(() -> {
                            catalog.user(userId); // names what is missing: the user, else the movie
                            throw new NotFoundException("movie", movieId);
                        }, Infrastructure.getDefaultWorkerPool()));
    }

    /** On the writer's thread, before the write is acknowledged: the background refresh, the serving caches. */
    private void committed(RatingRepository.NewRating rating) {
        stale.mark(rating.userId(), List.of(rating.movieId()));
        recommendations.rated(rating.userId(), rating.movieId(), rating.rating(), rating.ratedAt());
    }

    public void delete(long userId, long movieId) {
        if (!repository.delete(userId, movieId, clock.millis())) {
            catalog.user(userId);
            throw new NotFoundException("rating by user " + userId + " of movie", movieId);
        }
        stale.mark(userId, List.of(movieId));
        recommendations.forget(userId);
    }

    /** The rating must be on the dataset's scale: within [min, max] and on its step. */
    void checkScale(Double rating) {
        String problem = scale().problem(rating);
        if (problem != null) {
            throw new InvalidParameterException("rating", problem);
        }
    }

    /** An import may bring another scale. */
    void onImport(@jakarta.enterprise.event.Observes io.cinegraph.ingest.Importer.DatasetImported imported) {
        scales.invalidateAll();
    }

    /** The scale changes only with an import: read once, not on every write (and again a minute later at most). */
    private RatingScale scale() {
        return scales.get(Boolean.TRUE);
    }

    /** The scale the graph records, or MovieLens' half stars when it records none. */
    private RatingScale readScale() {
        DatasetInfo info = catalog.dataset().orElse(null);
        RatingScale half = RatingScale.HALF_STARS;
        return new RatingScale(info != null && info.ratingMin() != null ? info.ratingMin() : half.min(),
                info != null && info.ratingMax() != null ? info.ratingMax() : half.max(),
                info != null && info.ratingStep() != null ? info.ratingStep() : half.step());
    }
}
