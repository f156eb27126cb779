package io.cinegraph.cli;

import io.cinegraph.graph.BoltClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
                "Prints p50/p95/p99 latency, requests/s and failed requests of each, and the throughput ratio."})
public class BenchCommand implements Callable<Integer> {

    @Option(names = "--url", defaultValue = "http://localhost:8080", description = "The service (default: ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--bolt", defaultValue = "bolt://localhost:7687", description = "Its Neo4j (default: ${DEFAULT-VALUE}).")
    String bolt;

    @Option(names = "--neo4j-user", description = "Neo4j user, for an external server with authentication.")
    String neo4jUser;

    @Option(names = "--neo4j-password", description = "Neo4j password (or env CINEGRAPH_NEO4J_PASSWORD).")
    String neo4jPassword;

    @Option(names = "--clients", defaultValue = "16", description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--seconds", defaultValue = "30", description = "Measured seconds per phase (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--warmup", defaultValue = "10", description = "Unmeasured warm-up seconds per phase (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--limit", defaultValue = "10", description = "Recommendations per request (default: ${DEFAULT-VALUE}).")
    int limit;

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

    /** One request of a phase; true when it succeeded. */
    interface Call {
        boolean run(long userId) throws Exception;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        String password = neo4jPassword != null ? neo4jPassword : System.getenv("CINEGRAPH_NEO4J_PASSWORD");
        try (BoltClient neo4j = new BoltClient(bolt, neo4jUser, password)) {
            List<Long> users = neo4j.userIds();
            if (users.isEmpty()) {
                throw new IllegalArgumentException("The graph at " + bolt + " has no users with ratings");
            }
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            out.printf(Locale.ROOT, "Benchmark: %d clients, %d s warm-up + %d s measured per phase, %d users, %s%n",
                    clients, warmup, seconds, users.size(), url);
            Call recommend = userId -> recommend(http, userId, false);
            Call rerank = userId -> recommend(http, userId, true);
            Call cypher = userId -> {
                neo4j.pearsonKnn(userId);
                return true;
            };
            Phase api = phase("recommendations API", recommend, users, out);
            Phase fresh = phase("API, ranked afresh", rerank, users, out);
            Phase plain = phase("plain Cypher Pearson kNN", cypher, users, out);
            out.printf("%-28s %10s %10s %10s %12s %8s%n", "", "p50 ms", "p95 ms", "p99 ms", "requests/s", "failed");
            for (Phase p : List.of(api, fresh, plain)) {
                out.printf(Locale.ROOT, "%-28s %10.1f %10.1f %10.1f %12.1f %8d%n", p.name(), p.percentile(50),
                        p.percentile(95), p.percentile(99), p.rate(), p.failures());
            }
            out.printf(Locale.ROOT, "Throughput ratio (API / plain Cypher kNN): %.1fx; ranked afresh: %.1fx%n",
                    api.rate() / plain.rate(), fresh.rate() / plain.rate());
            out.println("(\"ranked afresh\" sends Cache-Control: no-cache: every request reads the user's graph side and "
                    + "ranks all candidates, as the first request after a rating write does)");
        }
        return 0;
    }

    private boolean recommend(HttpClient http, long userId, boolean fresh) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + "/api/users/" + userId
                + "/recommendations?limit=" + limit)).timeout(Duration.ofSeconds(30)).GET();
        if (fresh) {
            request.header("Cache-Control", "no-cache");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()).statusCode() == 200;
    }

    private Phase phase(String name, Call call, List<Long> users, PrintWriter out) throws Exception {
        out.printf("%s: warming up...%n", name);
        out.flush();
        run(call, users, warmup, seed + 1_000);
        out.printf("%s: measuring...%n", name);
        out.flush();
        return run(call, users, seconds, seed).named(name);
    }

    private Phase run(Call call, List<Long> users, int duration, long phaseSeed) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + Duration.ofSeconds(duration).toNanos();
        AtomicLong failures = new AtomicLong();
        long started = System.nanoTime();
        try {
            List<Future<double[]>> results = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                Random random = new Random(phaseSeed * 1_000 + c);
                results.add(pool.submit(() -> {
                    double[] latencies = new double[1024];
                    int n = 0;
                    while (System.nanoTime() < end) {
                        long userId = users.get(random.nextInt(users.size()));
                        long t0 = System.nanoTime();
                        boolean ok;
                        try {
                            ok = call.run(userId);
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
