package io.cinegraph.ratings;

import io.cinegraph.catalog.CatalogService;
import io.cinegraph.catalog.NotFoundException;
import io.cinegraph.domain.DatasetInfo;
import io.cinegraph.domain.UserRating;
import io.cinegraph.graph.RatingRepository;
import io.cinegraph.recommend.RecommendationService;
import io.cinegraph.signals.SignalJob;
import io.cinegraph.support.InvalidParameterException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.List;

/**
 * Rating ingestion through the API. A write is checked against the dataset's rating scale, stored, and the
 * user's signals (statistics, cohort, genre affinities, neighbours) and the movie's popularity are refreshed at
 * once, so the very next recommendation request reflects it. Other users see it after the next signal run.
 */
@ApplicationScoped
public class RatingService {

    /** The scale when the graph does not record one: MovieLens' half stars from 0.5 to 5. */
    static final double DEFAULT_MIN = 0.5;
    static final double DEFAULT_MAX = 5;
    static final double DEFAULT_STEP = 0.5;

    private final RatingRepository repository;
    private final CatalogService catalog;
    private final SignalJob signals;
    private final Clock clock;
    private final RecommendationService recommendations;

    public RatingService(RatingRepository repository, CatalogService catalog, SignalJob signals,
                         RecommendationService recommendations) {
        this.recommendations = recommendations;
        this.repository = repository;
        this.catalog = catalog;
        this.signals = signals;
        this.clock = Clock.systemUTC();
    }

    public record Written(long userId, long movieId, double rating, long ratedAt, boolean created) {
    }

    public List<UserRating> ratings(long userId) {
        catalog.user(userId);
        return repository.ratings(userId);
    }

    public Written put(long userId, long movieId, Double rating) {
        checkScale(rating);
        catalog.user(userId);
        catalog.movie(movieId);
        long now = clock.instant().getEpochSecond();
        boolean created = repository.put(userId, movieId, rating, now)
                .orElseThrow(() -> new NotFoundException("movie", movieId));
        signals.refreshUser(userId, List.of(movieId));
        recommendations.forget(userId);
        return new Written(userId, movieId, rating, now, created);
    }

    public void delete(long userId, long movieId) {
        catalog.user(userId);
        if (!repository.delete(userId, movieId)) {
            throw new NotFoundException("rating by user " + userId + " of movie", movieId);
        }
        signals.refreshUser(userId, List.of(movieId));
        recommendations.forget(userId);
    }

    /** The rating must be on the dataset's scale: within [min, max] and on its step. */
    void checkScale(Double rating) {
        if (rating == null) {
            throw new InvalidParameterException("rating", "is required, e.g. {\"rating\": 4}");
        }
        DatasetInfo info = catalog.dataset().orElse(null);
        double min = info != null && info.ratingMin() != null ? info.ratingMin() : DEFAULT_MIN;
        double max = info != null && info.ratingMax() != null ? info.ratingMax() : DEFAULT_MAX;
        double step = info != null && info.ratingStep() != null ? info.ratingStep() : DEFAULT_STEP;
        double steps = (rating - min) / step;
        if (rating < min || rating > max || Math.abs(steps - Math.rint(steps)) > 1e-9) {
            throw new InvalidParameterException("rating", "must be between " + format(min) + " and " + format(max)
                    + " in steps of " + format(step) + " (this dataset's scale), got " + format(rating));
        }
    }

    private static String format(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
