package io.cinegraph.events;

import io.cinegraph.catalog.CatalogService;
import io.cinegraph.catalog.NotFoundException;
import io.cinegraph.graph.EventRepository;
import io.cinegraph.graph.RatingRepository;
import io.cinegraph.recommend.RecommendationIds;
import io.cinegraph.recommend.RecommendationService;
import io.cinegraph.support.ApiConfig;
import io.cinegraph.support.InvalidParameterException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Implicit feedback: what people were shown (impressions), clicked, viewed and skipped. Each event is checked whole
 * (nothing of a bad batch is written), stored once by its id (a client that retries sends the same {@code eventId}),
 * and tied to the answer that showed the movie by its {@code recommendationId}, which says which model and variant
 * served it. A view is history: the user's next recommendations treat the movie as seen (and liked, see
 * {@code cinegraph.signals.view-rating}).
 */
@ApplicationScoped
public class EventService {

    /** The kinds of event. */
    public static final List<String> TYPES = List.of("impression", "click", "view", "skip");
    static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    @Inject EventRepository events;
    @Inject RatingRepository ratings;
    @Inject CatalogService catalog;
    @Inject RecommendationService recommendations;
    @Inject MeterRegistry meters;
    private final Clock clock = Clock.systemUTC();
    @Inject ApiConfig api;

    /** An event as sent (any field may be missing); {@code at} in epoch seconds, default now. */
    public record Item(Long userId, Long movieId, String type, String recommendationId, String eventId, Long at) {
    }

    /** An event as stored; {@code created} false when one with its id was stored before. */
    public record Stored(String eventId, long userId, long movieId, String type, long at, String recommendationId,
                         String model, String variant, boolean created) {
    }

    /** What a batch stored: {@code stored} new events, {@code duplicates} already stored before. */
    public record BatchStored(long stored, long duplicates) {
    }

    /** One event of a user; 404 (user, else movie) when either does not exist. */
    public Stored put(long userId, Item item) {
        if (item == null) {
            throw new InvalidParameterException("body", "a JSON object is required, e.g. {\"movieId\": 50, \"type\": \"view\"}");
        }
        Item own = new Item(userId, item.movieId(), item.type(), item.recommendationId(), item.eventId(), item.at());
        long now = clock.instant().getEpochSecond();
        List<InvalidParameterException.Field> errors = new ArrayList<>();
        check(own, "", now, errors);
        if (!errors.isEmpty()) {
            throw new InvalidParameterException(errors);
        }
        RatingRepository.Existing existing = ratings.existing(Set.of(userId), Set.of(own.movieId()));
        if (!existing.users().contains(userId)) {
            throw new NotFoundException("user", userId);
        }
        if (!existing.movies().contains(own.movieId())) {
            throw new NotFoundException("movie", own.movieId());
        }
        EventRepository.NewEvent event = toNew(own, now);
        boolean created = events.put(List.of(event)).get(0);
        stored(List.of(event), List.of(created));
        return new Stored(event.eventId(), userId, event.movieId(), event.type(), event.at(), event.recommendationId(),
                event.model(), event.variant(), created);
    }

    /** Many events of any users, all or nothing: every bad item is named as {@code events[i].field}. */
    public BatchStored putAll(List<Item> items) {
        InvalidParameterException.checkBatch("events", items, api.maxBatchRatings(),
                "{\"userId\": 1, \"movieId\": 50, \"type\": \"impression\"}");
        long now = clock.instant().getEpochSecond();
        List<InvalidParameterException.Field> errors = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == null) {
                errors.add(new InvalidParameterException.Field("events[" + i + "]",
                        "is null; expected {\"userId\", \"movieId\", \"type\"}"));
                continue;
            }
            check(items.get(i), "events[" + i + "].", now, errors);
            if (items.get(i).userId() == null || items.get(i).userId() < 0) {
                errors.add(new InvalidParameterException.Field("events[" + i + "].userId", "is required: a user id ≥ 0"));
            }
        }
        if (errors.isEmpty()) {
            errors.addAll(ratings.unknown("events", items.stream().map(Item::userId).toList(),
                    items.stream().map(Item::movieId).toList()));
        }
        InvalidParameterException.throwIfAny(errors);
        List<EventRepository.NewEvent> rows = items.stream().map(item -> toNew(item, now)).toList();
        List<Boolean> created = events.put(rows);
        stored(rows, created);
        long fresh = created.stream().filter(c -> c).count();
        return new BatchStored(fresh, rows.size() - fresh);
    }

    /** The online figures of every model version and variant over the last {@code window}. */
    public OnlineFigures figures(Duration window) {
        long since = clock.instant().minus(window).getEpochSecond();
        long movies = catalog.counts().movies();
        return new OnlineFigures(window.toDays(), since, events.figures(since).stream()
                .map(f -> OnlineFigures.Variant.of(f, movies)).toList());
    }

    /** Movies in the catalogue (the denominator of coverage). */
    long catalogueSize() {
        return catalog.counts().movies();
    }

    private static void check(Item item, String prefix, long now, List<InvalidParameterException.Field> errors) {
        if (item.movieId() == null || item.movieId() < 0) {
            errors.add(new InvalidParameterException.Field(prefix + "movieId", "is required: a movie id ≥ 0"));
        }
        if (item.type() == null || !TYPES.contains(item.type())) {
            errors.add(new InvalidParameterException.Field(prefix + "type", "must be one of " + TYPES + ", got "
                    + (item.type() == null ? "nothing" : "'" + item.type() + "'")));
        }
        if (item.eventId() != null && !EVENT_ID.matcher(item.eventId()).matches()) {
            errors.add(new InvalidParameterException.Field(prefix + "eventId", "must be 1 to 100 characters of letters, "
                    + "digits and . _ : - (a client's own id, so that a retried event is stored once)"));
        }
        if (item.recommendationId() != null && RecommendationIds.parse(item.recommendationId()).isEmpty()) {
            errors.add(new InvalidParameterException.Field(prefix + "recommendationId", "is not the recommendationId of "
                    + "an answer of this service (send it as the recommendations response gave it, or leave it out)"));
        }
        InvalidParameterException.checkTime(prefix + "at", item.at(), now, errors);
    }

    private static EventRepository.NewEvent toNew(Item item, long now) {
        var issued = RecommendationIds.parse(item.recommendationId());
        return new EventRepository.NewEvent(item.eventId() != null ? item.eventId() : UUID.randomUUID().toString(),
                item.userId(), item.movieId(), item.type(), item.at() != null ? item.at() : now, item.recommendationId(),
                issued.map(RecommendationIds.Issued::model).orElse(null),
                issued.map(RecommendationIds.Issued::variant).orElse(null));
    }

    /**
     * Counts the new events ({@code cinegraph_events_total} in /q/metrics, by type, model and variant); a user who
     * viewed something is ranked afresh next time.
     */
    private void stored(List<EventRepository.NewEvent> rows, List<Boolean> created) {
        Map<List<String>, Long> byType = new HashMap<>();
        Set<Long> viewers = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            if (created.get(i)) {
                EventRepository.NewEvent e = rows.get(i);
                byType.merge(List.of(e.type(), e.model() == null ? "none" : e.model(),
                        e.variant() == null ? "none" : e.variant()), 1L, Long::sum);
                if (rows.get(i).type().equals("view")) {
                    viewers.add(rows.get(i).userId());
                }
            }
        }
        // per type, model version and variant: click-through per variant is clicks / impressions of the same tags
        byType.forEach((tags, n) -> meters.counter("cinegraph.events", "type", tags.get(0), "model", tags.get(1),
                "variant", tags.get(2)).increment(n));
        viewers.forEach(recommendations::forget);
    }
}
