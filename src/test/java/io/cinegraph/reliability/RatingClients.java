package io.cinegraph.reliability;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Clients of a {@link ServiceProcess} that PUT ratings (a share of their requests) and read recommendations (the
 * rest). Client c writes only for the users ≡ c (mod clients), one request after the other, so its last acknowledged
 * value of a (user, movie) pair is what the graph must hold. Counts every answer's status (-1: no answer).
 */
final class RatingClients {

    /** The fixture the reliability tests run on: 120 users, 150 movies, 6,000 ratings (ml-100k's layout). */
    static final int USERS = 120;
    static final int MOVIES = 150;
    static final int CLIENTS = 8;

    /** Writes the fixture, drawn with this seed, into {@code dir}. */
    static java.nio.file.Path fixture(java.nio.file.Path dir, long seed) {
        new io.cinegraph.ingest.SyntheticGenerator(new io.cinegraph.ingest.SyntheticGenerator.Params(USERS, MOVIES, 6_000,
                seed, dir, io.cinegraph.ingest.SyntheticGenerator.Layout.ML_100K)).write();
        return dir;
    }

    private final List<Map<String, Integer>> acknowledged = new ArrayList<>();
    /** Per client, the stars of its writes that got no answer (the service died) after the pair's last acknowledgement. */
    private final List<Map<String, java.util.Set<Integer>>> unanswered = new ArrayList<>();
    private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicLong> sinceMark = new ConcurrentHashMap<>();
    private final List<String> notProblems = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong acks = new AtomicLong();
    private final AtomicLong acksSinceMark = new AtomicLong();
    private final AtomicBoolean marked = new AtomicBoolean();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final ExecutorService pool;
    private final List<Future<?>> running = new ArrayList<>();

    RatingClients(ServiceProcess service, int clients, int users, int movies, double writeShare) {
        pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            Map<String, Integer> mine = new HashMap<>();
            acknowledged.add(mine);
            Map<String, java.util.Set<Integer>> unknown = new HashMap<>();
            unanswered.add(unknown);
            int client = c;
            running.add(pool.submit(() -> {
                Random random = new Random(client);
                while (!stop.get()) {
                    int user = 1 + client + clients * random.nextInt(users / clients);
                    int status;
                    String pending = null;
                    int pendingStars = 0;
                    try {
                        HttpResponse<String> r;
                        if (random.nextDouble() < writeShare) {
                            int movie = 1 + random.nextInt(movies);
                            int stars = 1 + random.nextInt(5);
                            pending = user + "/" + movie;
                            pendingStars = stars;
                            r = service.send("PUT", "/api/users/" + user + "/ratings/" + movie, "{\"rating\": " + stars + "}", false);
                            pending = null;
                            if (r.statusCode() == 200 || r.statusCode() == 201) {
                                mine.put(user + "/" + movie, stars);
                                unknown.remove(user + "/" + movie);
                                acks.incrementAndGet();
                                if (marked.get()) {
                                    acksSinceMark.incrementAndGet();
                                }
                            }
                        } else {
                            r = service.get("/api/users/" + user + "/recommendations?limit=5");
                        }
                        status = r.statusCode();
                        if (status >= 400 && !r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                            notProblems.add(status + " " + r.body());
                        }
                    } catch (Exception e) {
                        status = -1;
                        if (pending != null) {
                            // no answer: committed or not, nobody can tell (the service may have died after the commit)
                            unknown.computeIfAbsent(pending, k -> new java.util.HashSet<>()).add(pendingStars);
                        }
                    }
                    statuses.computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
                    if (marked.get()) {
                        sinceMark.computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
                    }
                }
            }));
        }
    }

    long acks() {
        return acks.get();
    }

    /** From now on, answers and acknowledgements are also counted apart ({@link #sinceMark}). */
    void mark() {
        marked.set(true);
    }

    Map<Integer, AtomicLong> statuses() {
        return statuses;
    }

    Map<Integer, AtomicLong> sinceMark() {
        return sinceMark;
    }

    long acksSinceMark() {
        return acksSinceMark.get();
    }

    /** Errors (4xx, 5xx) whose body was not problem+json. */
    List<String> notProblems() {
        return notProblems;
    }

    /**
     * After {@link #stop}: per pair, the stars of writes sent after its last acknowledgement that got no answer
     * (in flight when the service was killed): the graph may hold one of them instead of the acknowledged value.
     */
    Map<String, java.util.Set<Integer>> unanswered() {
        Map<String, java.util.Set<Integer>> all = new HashMap<>();
        unanswered.forEach(m -> m.forEach((pair, stars) -> all.computeIfAbsent(pair, k -> new java.util.HashSet<>()).addAll(stars)));
        return all;
    }

    /** Stops the clients and returns every acknowledged pair ("user/movie") with its last acknowledged stars. */
    Map<String, Integer> stop() throws Exception {
        stop.set(true);
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        Map<String, Integer> all = new HashMap<>();
        acknowledged.forEach(all::putAll);
        return all;
    }

    /** What the service holds for users 1..users, as "user/movie" → stars. */
    static Map<String, Integer> stored(ServiceProcess service, int users) throws Exception {
        Map<String, Integer> stored = new HashMap<>();
        for (int user = 1; user <= users; user++) {
            for (JsonNode r : service.getJson("/api/users/" + user + "/ratings")) {
                stored.put(user + "/" + r.get("movieId").asInt(), (int) r.get("rating").asDouble());
            }
        }
        return stored;
    }
}
