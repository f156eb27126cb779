package io.cinegraph.cli;

import io.cinegraph.graph.BoltClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Load benchmark of a running service (start it first: ./cinegraph serve --path DIR).",
                "N concurrent clients request recommendations for random users over loopback for T seconds; then "
                        + "the same with Cache-Control: no-cache (every request ranked afresh); then the same clients run the plain Cypher Pearson kNN of Neo4j's recommendations guide "
                        + "(cypher/bench/pearson_knn.cypher) against the service's Bolt port for T seconds.",
                "With --phases writes (or a list with it), N clients also PUT ratings of 1 to 5 stars for random users "
                        + "and movies: this changes the graph, so run it on a copy.",
                "With several --url replicas and --phases replicas: recommendations from the first replica alone, then "
                        + "from all of them in turn (round robin); with --admin-key, a retraining is started on the "
                        + "first replica as the second measurement starts, which goes on until every replica serves "
                        + "the job's outcome.",
                "Prints p50/p95/p99 latency, requests/s and failed requests of each, and the throughput ratio."})
public class BenchCommand implements Callable<Integer> {

    /** Ratings per request of the batch phase. */
    static final int BATCH = 1_000;

    @CommandLine.Mixin
    ServiceTarget target;

    @Option(names = "--clients", defaultValue = "16", description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--seconds", defaultValue = "30", description = "Measured seconds per phase (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--warmup", defaultValue = "10", description = "Unmeasured warm-up seconds per phase (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--limit", defaultValue = "10", description = "Recommendations per request (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--phases", split = ",", defaultValue = "api,fresh,cypher", paramLabel = "PHASE",
            description = "Phases to run, in order: api (cached recommendations), fresh (ranked afresh), cypher "
                    + "(plain Cypher kNN), writes (single rating writes), batch (POST /api/ratings of 1,000 ratings), "
                    + "replicas (one replica, then all of --url in turn); writes and batch change the graph "
                    + "(default: ${DEFAULT-VALUE}).")
    List<String> phases;

    @Option(names = "--admin-key", description = "The service's admin key: the replicas phase then retrains while "
            + "it measures all replicas (or env CINEGRAPH_ADMIN_API_KEY).")
    String adminKey;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the random users (default: ${DEFAULT-VALUE}).")
    long seed;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Latencies (ms) and failures of one phase. */
    record Phase(String name, double[] latenciesMs, long failures, double seconds) {
        Phase named(String newName) {
            return new Phase(newName, latenciesMs, failures, seconds);
        }

        double rate() {
            return latenciesMs.length / seconds;
        }

        double percentile(double p) {
            if (latenciesMs.length == 0) {
                return Double.NaN;
            }
            double[] sorted = latenciesMs.clone();
            Arrays.sort(sorted);
            return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)];
        }
    }

    /** One request of a phase for a random user (and the client's random source); true when it succeeded. */
    interface Call {
        boolean run(long userId, Random random) throws Exception;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (BoltClient neo4j = target.neo4j()) {
            List<Long> users = neo4j.userIds();
            if (users.isEmpty()) {
                throw new IllegalArgumentException("The graph at " + target.bolt + " has no users with ratings");
            }
            ServiceClient http = target.service();
            out.printf(Locale.ROOT, "Benchmark: %d clients, %d s warm-up + %d s measured per phase, %d users, %s%n",
                    clients, warmup, seconds, users.size(), target.url);
            Map<String, Phase> done = new LinkedHashMap<>();
            for (String name : phases) {
                if (name.strip().equals("replicas")) {
                    replicas(http, users, out, done);
                    continue;
                }
                Phase p = switch (name.strip()) {
                    case "api" -> phase("recommendations API", (userId, random) -> http.recommend(userId, limit, false), users, out);
                    case "fresh" -> phase("API, ranked afresh", (userId, random) -> http.recommend(userId, limit, true), users, out);
                    case "cypher" -> phase("plain Cypher Pearson kNN", (userId, random) -> {
                        neo4j.pearsonKnn(userId);
                        return true;
                    }, users, out);
                    case "writes" -> {
                        List<Long> movies = neo4j.movieIds();
                        yield phase("rating writes", (userId, random) -> http.rate(userId,
                                movies.get(random.nextInt(movies.size())), 1 + random.nextInt(5)), users, out);
                    }
                    case "batch" -> {
                        List<Long> movies = neo4j.movieIds();
                        yield phase("rating batches of " + BATCH, (userId, random) -> rateBatch(http, users, movies, random),
                                users, out);
                    }
                    default -> throw new CommandLine.ParameterException(spec.commandLine(),
                            "Unknown phase '" + name + "': use api, fresh, cypher, writes, batch or replicas");
                };
                done.put(name.strip(), p);
            }
            out.printf("%-28s %10s %10s %10s %12s %8s%n", "", "p50 ms", "p95 ms", "p99 ms", "requests/s", "failed");
            for (Phase p : done.values()) {
                out.printf(Locale.ROOT, "%-28s %10.1f %10.1f %10.1f %12.1f %8d%n", p.name(), p.percentile(50),
                        p.percentile(95), p.percentile(99), p.rate(), p.failures());
            }
            if (done.containsKey("batch")) {
                out.printf(Locale.ROOT, "Batch ingestion: %,.0f ratings/s%n", done.get("batch").rate() * BATCH);
            }
            Phase plain = done.get("cypher");
            if (plain != null && done.containsKey("api") && done.containsKey("fresh")) {
                out.printf(Locale.ROOT, "Throughput ratio (API / plain Cypher kNN): %.1fx; ranked afresh: %.1fx%n",
                        done.get("api").rate() / plain.rate(), done.get("fresh").rate() / plain.rate());
            }
            if (done.containsKey("replicas-1") && done.containsKey("replicas-n")) {
                out.printf(Locale.ROOT, "Throughput ratio (%d replicas / 1 replica): %.2fx%n", http.replicas(),
                        done.get("replicas-n").rate() / done.get("replicas-1").rate());
            }
            if (done.containsKey("fresh")) {
                out.println("(\"ranked afresh\" sends Cache-Control: no-cache: every request reads the user's graph side and "
                        + "ranks all candidates, as the first request after a rating write does)");
            }
        }
        return 0;
    }

    /**
     * Recommendations from the first replica alone, then from every replica in turn; with the admin key, a retraining
     * started on the first replica as the second measurement starts, which lasts until every replica serves its outcome.
     */
    private void replicas(ServiceClient all, List<Long> users, PrintWriter out, Map<String, Phase> done) throws Exception {
        if (all.replicas() < 2) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "The replicas phase needs two or more services: --url http://host:8080,http://host:8081");
        }
        ServiceClient one = target.first();
        done.put("replicas-1", phase("API, 1 replica", (userId, random) -> one.recommend(userId, limit, false), users, out));
        String key = adminKey != null ? adminKey : System.getenv("CINEGRAPH_ADMIN_API_KEY");
        java.util.concurrent.CompletableFuture<String> retraining = key == null ? null : new java.util.concurrent.CompletableFuture<>();
        Phase spread = phase("API, " + all.replicas() + " replicas", (userId, random) -> all.recommend(userId, limit, false),
                users, out, retraining == null ? null : () -> {
                    Thread t = new Thread(() -> {
                        try {
                            retraining.complete(retrainAndFollow(all, key, out));
                        } catch (Exception e) {
                            retraining.complete("The retraining could not be followed: " + e.getMessage());
                        }
                    }, "bench-retraining");
                    t.setDaemon(true);
                    t.start();
                    return retraining;
                });
        if (retraining != null) {
            spread = spread.named("API, " + all.replicas() + " replicas, retraining");
            out.println(retraining.join());
        }
        done.put("replicas-n", spread);
    }

    /** Retrains on the first replica and waits until every replica serves the outcome; says what happened. */
    private static String retrainAndFollow(ServiceClient all, String key, PrintWriter out) throws Exception {
        String id = all.retrain(key);
        out.printf("Retraining %s started on the first replica%n", id);
        out.flush();
        long started = System.nanoTime();
        while (true) {
            var job = all.job(key, id);
            String state = job.get("state").asText();
            if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
                String expected = state.equals("PROMOTED") ? job.get("candidateVersion").asText() : job.path("activeVersion").asText("none");
                long finished = System.nanoTime();
                while (!all.activeVersions().stream().allMatch(expected::equals)) {
                    if (System.nanoTime() - finished > Duration.ofMinutes(2).toNanos()) {
                        return String.format(Locale.ROOT, "Retraining %s %s, but the replicas serve %s two minutes later",
                                id, state, all.activeVersions());
                    }
                    Thread.sleep(100);
                }
                return String.format(Locale.ROOT, "Retraining %s %s after %.0f s; every replica serves %s %.1f s after it ended",
                        id, state, (finished - started) / 1e9, expected, (System.nanoTime() - finished) / 1e9);
            }
            Thread.sleep(500);
        }
    }

    /** One POST /api/ratings of {@value #BATCH} ratings of random users and movies, each pair once. */
    private boolean rateBatch(ServiceClient http, List<Long> users, List<Long> movies, Random random) throws Exception {
        StringBuilder body = new StringBuilder("{\"ratings\": [");
        java.util.Set<List<Long>> pairs = new java.util.HashSet<>();
        while (pairs.size() < BATCH) {
            long user = users.get(random.nextInt(users.size()));
            long movie = movies.get(random.nextInt(movies.size()));
            if (pairs.add(List.of(user, movie))) {
                body.append(pairs.size() == 1 ? "" : ",").append("{\"userId\":").append(user).append(",\"movieId\":")
                        .append(movie).append(",\"rating\":").append(1 + random.nextInt(5)).append('}');
            }
        }
        return http.rateBatch(body.append("]}").toString());
    }

    private Phase phase(String name, Call call, List<Long> users, PrintWriter out) throws Exception {
        return phase(name, call, users, out, null);
    }

    /**
     * Warms up, then measures for {@code --seconds}; {@code during}, when given, starts work as the measurement starts
     * and the measurement lasts until it is done.
     */
    private Phase phase(String name, Call call, List<Long> users, PrintWriter out,
                        java.util.function.Supplier<java.util.concurrent.Future<?>> during) throws Exception {
        out.printf("%s: warming up...%n", name);
        out.flush();
        run(call, users, warmup, seed + 1_000, null);
        out.printf("%s: measuring...%n", name);
        out.flush();
        return run(call, users, seconds, seed, during == null ? null : during.get()).named(name);
    }

    private Phase run(Call call, List<Long> users, int duration, long phaseSeed, java.util.concurrent.Future<?> until)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long minimumEnd = System.nanoTime() + Duration.ofSeconds(duration).toNanos();
        AtomicLong failures = new AtomicLong();
        long started = System.nanoTime();
        try {
            List<Future<double[]>> results = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                Random random = new Random(phaseSeed * 1_000 + c);
                results.add(pool.submit(() -> {
                    double[] latencies = new double[1024];
                    int n = 0;
                    while (System.nanoTime() < minimumEnd || (until != null && !until.isDone())) {
                        long userId = users.get(random.nextInt(users.size()));
                        long t0 = System.nanoTime();
                        boolean ok;
                        try {
                            ok = call.run(userId, random);
                        } catch (Exception e) {
                            ok = false;
                        }
                        double ms = (System.nanoTime() - t0) / 1e6;
                        if (!ok) {
                            failures.incrementAndGet();
                            continue;
                        }
                        if (n == latencies.length) {
                            latencies = Arrays.copyOf(latencies, n * 2);
                        }
                        latencies[n++] = ms;
                    }
                    return Arrays.copyOf(latencies, n);
                }));
            }
            List<double[]> all = new ArrayList<>();
            for (Future<double[]> f : results) {
                all.add(f.get());
            }
            double elapsed = (System.nanoTime() - started) / 1e9;
            return new Phase("", all.stream().flatMapToDouble(Arrays::stream).toArray(), failures.get(), elapsed);
        } finally {
            pool.shutdownNow();
        }
    }
}
