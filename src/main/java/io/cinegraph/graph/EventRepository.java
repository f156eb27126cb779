package io.cinegraph.graph;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Implicit feedback: events stored once by id, and the online figures computed from them. */
@ApplicationScoped
public class EventRepository {

    private final Graph graph;

    public EventRepository(Graph graph) {
        this.graph = graph;
    }

    /** An event to store; {@code at} in epoch seconds; the last three may be null (not from a recommendation). */
    public record NewEvent(String eventId, long userId, long movieId, String type, long at, String recommendationId,
                           String model, String variant) {
    }

    /** Online figures of one model version and variant. */
    public record Figures(String model, String variant, long impressions, long clicks, long views, long skips,
                          long moviesShown, long ratedAfter, Double meanRatingAfter) {
    }

    /** Stores the events (of existing users and movies) in one transaction; per event, whether it was new. */
    public List<Boolean> put(List<NewEvent> events) {
        List<Map<String, Object>> rows = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            Map<String, Object> row = Parameters.of(events.get(i));
            row.put("i", i);
            rows.add(row);
        }
        List<Boolean> created = new ArrayList<>(Collections.nCopies(events.size(), false));
        graph.writeList(CypherQuery.EVENTS_PUT, Map.of("events", rows),
                r -> created.set(r.get("i").asInt(), r.get("created").asBoolean()));
        return created;
    }

    /** The figures of every model version and variant over the events since {@code since} (epoch seconds). */
    public List<Figures> figures(long since) {
        return graph.readList(CypherQuery.EVENTS_ONLINE_METRICS, Map.of("since", since), r -> new Figures(
                r.get("model").asString(), r.get("variant").asString(), r.get("impressions").asLong(),
                r.get("clicks").asLong(), r.get("views").asLong(), r.get("skips").asLong(), r.get("moviesShown").asLong(),
                r.get("ratedAfter").asLong(), CatalogRepository.doubleOrNull(r.get("meanRatingAfter"))));
    }

    /**
     * One logged answer: who was shown which movies (by which model and variant) when (epoch seconds), and which of
     * them the user took up afterwards.
     */
    public record Slate(String recommendationId, long userId, String model, String variant, long at, List<Long> shown,
                        Set<Long> positives) {
    }

    /**
     * The latest {@code limit} answers with impressions since {@code since} (of the given variants; all when empty),
     * oldest first; a shown movie is taken up
     * when it was clicked or viewed at or after the answer, or rated at least {@code liked} after it.
     */
    public List<Slate> slates(long since, List<String> variants, int limit, double liked) {
        return graph.readList(CypherQuery.EVENTS_REPLAY_SLATES, Map.of("since", since, "variants", variants,
                        "limit", limit, "liked", liked),
                r -> new Slate(r.get("recommendationId").asString(), r.get("userId").asLong(),
                        r.get("model").asString(null), r.get("variant").asString(),
                        r.get("at").asLong(), r.get("shown").asList(v -> v.asLong()),
                        Set.copyOf(r.get("positives").asList(v -> v.asLong()))));
    }
}
