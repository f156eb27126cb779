package io.cinegraph.cli;

import io.cinegraph.graph.BoltClient;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@Command(name = "soak", mixinStandardHelpOptions = true,
        description = {"Soak test of a running service: N clients send a mix of recommendation reads and rating writes "
                + "for M minutes, over loopback; it changes the graph, so run it on a copy.",
                "Prints, every minute, p50/p95/p99/max latency, requests/s, errors, the service's heap after its last "
                        + "collection and its live data after the old generation's last reclamation (from /q/metrics); at the end, whether every acknowledged write is in the graph with "
                        + "its value (each client writes for its own users, so its last acknowledged value is the truth), and "
                        + "the latencies after the first minute by kind: reads, first reads of a user after a write to them, writes; "
                        + "with --admin-key, the live heap after a full collection at minute 2 and at the end."})
public class SoakCommand implements Callable<Integer> {

    private static final Pattern HEAP_AFTER_GC =
            Pattern.compile("(?m)^jvm_memory_usage_after_gc\\{area=\"heap\",pool=\"long-lived\"} (\\S+)$");
    private static final Pattern HEAP_MAX = Pattern.compile("(?m)^jvm_gc_max_data_size_bytes (\\S+)$");
    /** What the last collection that reclaimed the old generation left there (G1: a mixed or full collection). */
    private static final Pattern LIVE_DATA = Pattern.compile("(?m)^jvm_gc_live_data_size_bytes (\\S+)$");

    private static final int READ = 0;
    private static final int READ_AFTER_WRITE = 1;
    private static final int WRITE = 2;

    @CommandLine.Mixin
    ServiceTarget target;

    @Option(names = "--clients", defaultValue = "32", description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--minutes", defaultValue = "10", description = "Duration (default: ${DEFAULT-VALUE}).")
    int minutes;

    @Option(names = "--write-share", defaultValue = "0.1", description = "Share of requests that write a rating (default: ${DEFAULT-VALUE}).")
    double writeShare;

    @Option(names = "--admin-key", description = "The service's admin key (default: $CINEGRAPH_ADMIN_API_KEY): then "
            + "the service runs a full collection at the end of minute 2 and at the end, and the live heap after each is "
            + "printed (POST /api/admin/memory/collect; each stops the service for the collection's length).")
    String adminKey;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the random choices (default: ${DEFAULT-VALUE}).")
    long seed;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;


    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (clients < 1 || minutes < 1 || writeShare < 0 || writeShare > 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--clients and --minutes must be at least 1 and --write-share within [0, 1]");
        }
        ServiceClient service = target.service();
        List<Long> users;
        List<Long> movies;
        try (BoltClient neo4j = target.neo4j()) {
            users = neo4j.userIds();
            movies = neo4j.movieIds();
        }
        if (users.size() < clients || movies.isEmpty()) {
            throw new IllegalArgumentException("The graph at " + target.bolt + " has " + users.size() + " users with ratings and "
                    + movies.size() + " movies: a soak needs at least one user per client");
        }
        out.printf(Locale.ROOT, "Soak: %d clients, %d min, %.0f %% writes, %d users, %s%n", clients, minutes,
                writeShare * 100, users.size(), target.url);
        out.printf("%-8s %10s %10s %10s %10s %12s %8s %16s %13s%n", "minute", "p50 ms", "p95 ms", "p99 ms", "max ms",
                "requests/s", "errors", "heap after GC MB", "live data MB");
        out.flush();

        Recorder latencies = new Recorder(3);
        // by kind of request, after the first minute: a read, the first read of a user after a write to them was
        // acknowledged (it ranks afresh), a write
        Recorder[] byKind = {new Recorder(3), new Recorder(3), new Recorder(3)};
        java.util.Set<Long> written = java.util.concurrent.ConcurrentHashMap.newKeySet();
        AtomicLong errors = new AtomicLong();
        AtomicLong writes = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        List<Map<String, Integer>> acknowledged = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            List<Long> own = new ArrayList<>();
            for (int i = c; i < users.size(); i += clients) {
                own.add(users.get(i));
            }
            Map<String, Integer> mine = new HashMap<>();
            acknowledged.add(mine);
            Random random = new Random(seed * 1_000 + c);
            running.add(pool.submit(() -> {
                while (!stop.get()) {
                    long t0 = System.nanoTime();
                    boolean ok;
                    int kind;
                    try {
                        if (random.nextDouble() < writeShare) {
                            kind = WRITE;
                            long user = own.get(random.nextInt(own.size()));
                            long movie = movies.get(random.nextInt(movies.size()));
                            int stars = 1 + random.nextInt(5);
                            ok = service.rate(user, movie, stars);
                            if (ok) {
                                mine.put(user + "/" + movie, stars);
                                writes.incrementAndGet();
                                written.add(user);
                            }
                        } else {
                            long user = users.get(random.nextInt(users.size()));
                            kind = written.remove(user) ? READ_AFTER_WRITE : READ;
                            ok = service.recommend(user, 10, false);
                        }
                    } catch (Exception e) {
                        ok = false;
                        kind = READ;
                    }
                    if (ok) {
                        long micros = Math.max(1, (System.nanoTime() - t0) / 1_000);
                        latencies.recordValue(micros);
                        byKind[kind].recordValue(micros);
                    } else {
                        errors.incrementAndGet();
                    }
                }
            }));
        }
        latencies.reset();
        List<Double> heap = new ArrayList<>();
        List<Double> live = new ArrayList<>();
        String key = adminKey != null ? adminKey : System.getenv("CINEGRAPH_ADMIN_API_KEY");
        List<Double> liveAfterFullGc = new ArrayList<>();
        long totalErrors = 0;
        double worstP99AfterFirst = 0;
        try {
            for (int minute = 1; minute <= minutes; minute++) {
                Thread.sleep(60_000);
                Histogram h = latencies.getIntervalHistogram();
                long e = errors.getAndSet(0);
                totalErrors += e;
                String metrics = metrics(service);
                double heapMb = heapAfterGcMb(metrics);
                double liveMb = liveDataMb(metrics);
                heap.add(heapMb);
                live.add(liveMb);
                double p99 = h.getValueAtPercentile(99) / 1e3;
                if (minute > 1) {
                    worstP99AfterFirst = Math.max(worstP99AfterFirst, p99);
                } else {
                    for (Recorder r : byKind) {
                        r.reset();
                    }
                }
                out.printf(Locale.ROOT, "%-8d %10.1f %10.1f %10.1f %10.1f %12.1f %8d %16.0f %13.0f%n", minute,
                        h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(95) / 1e3, p99, h.getMaxValue() / 1e3,
                        h.getTotalCount() / 60.0, e, heapMb, liveMb);
                out.flush();
                if (key != null && (minute == Math.min(2, minutes) || minute == minutes)) {
                    try {
                        liveAfterFullGc.add(liveAfterFullCollection(service, key, minute, out));
                    } catch (Exception failed) {
                        out.printf("  minute %d: no full collection: %s%n", minute, failed.getMessage());
                    }
                }
            }
        } finally {
            stop.set(true);
            for (Future<?> f : running) {
                f.get();
            }
            pool.shutdown();
        }

        if (minutes > 1) {
            out.printf("%-36s %10s %10s %10s %10s %10s%n", "after the first minute, by kind", "requests", "p50 ms",
                    "p95 ms", "p99 ms", "max ms");
            String[] names = {"read", "first read after a write (afresh)", "write"};
            for (int k = 0; k < byKind.length; k++) {
                Histogram h = byKind[k].getIntervalHistogram();
                out.printf(Locale.ROOT, "%-36s %10d %10.1f %10.1f %10.1f %10.1f%n", names[k], h.getTotalCount(),
                        h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(95) / 1e3,
                        h.getValueAtPercentile(99) / 1e3, h.getMaxValue() / 1e3);
            }
        }
        Map<String, Integer> expected = new HashMap<>();
        acknowledged.forEach(expected::putAll);
        long missing = verify(service, expected, out);
        out.printf(Locale.ROOT, "Errors: %d. Worst p99 after the first minute: %.1f ms. Heap after GC: "
                        + "%s; live data after the old generation's last reclamation: %s. Acknowledged writes: %d (%d pairs), "
                        + "missing or wrong: %d.%n",
                totalErrors, worstP99AfterFirst, growth(heap), growth(live), writes.get(), expected.size(), missing);
        if (liveAfterFullGc.size() == 2) {
            out.printf(Locale.ROOT, "Live heap after a full collection: %.0f MB at minute %d, %.0f MB at the end (%+.1f %%).%n",
                    liveAfterFullGc.get(0), Math.min(2, minutes), liveAfterFullGc.get(1),
                    (liveAfterFullGc.get(1) / liveAfterFullGc.get(0) - 1) * 100);
        } else if (key == null) {
            out.println("(No --admin-key: the live heap after a full collection was not measured.)");
        }
        return totalErrors == 0 && missing == 0 ? 0 : 1;
    }

    /** Has the service run a full collection now; the heap in use after it, in MB. */
    private static double liveAfterFullCollection(ServiceClient service, String key, int minute, PrintWriter out)
            throws Exception {
        var r = service.postJson("/api/admin/memory/collect", "{}", key);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("POST /api/admin/memory/collect answered " + r.statusCode() + ": " + r.body());
        }
        var body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
        double mb = body.get("heapUsedAfterBytes").asDouble() / 1e6;
        out.printf(Locale.ROOT, "  minute %d: full collection %.0f ms, live heap %.0f MB%n", minute,
                body.get("collectedInMs").asDouble(), mb).flush();
        return mb;
    }

    /** Reads every written user's ratings back; returns how many acknowledged pairs are missing or hold another value. */
    private static long verify(ServiceClient service, Map<String, Integer> expected, PrintWriter out) throws Exception {
        Map<Long, Map<Long, Double>> byUser = new HashMap<>();
        long missing = 0;
        for (Map.Entry<String, Integer> e : expected.entrySet()) {
            String[] pair = e.getKey().split("/");
            long user = Long.parseLong(pair[0]);
            Map<Long, Double> stored = byUser.get(user);
            if (stored == null) {
                stored = service.ratings(user);
                byUser.put(user, stored);
            }
            Double value = stored.get(Long.parseLong(pair[1]));
            if (value == null || value != e.getValue().doubleValue()) {
                missing++;
                if (missing <= 10) {
                    out.printf("  user %d, movie %s: acknowledged %d stars, stored %s%n", user, pair[1], e.getValue(), value);
                }
            }
        }
        return missing;
    }

    /**
     * "a → b MB (+x %) from minute m": from the first minute after the first with a reading (live data has none
     * before the old generation's first reclamation) to the last minute.
     */
    private static String growth(List<Double> mb) {
        int from = 1;
        while (from < mb.size() && mb.get(from).isNaN()) {
            from++;
        }
        if (from >= mb.size() - 1 || mb.get(mb.size() - 1).isNaN()) {
            return "n/a (no readings)";
        }
        double first = mb.get(from);
        double last = mb.get(mb.size() - 1);
        return String.format(Locale.ROOT, "%.0f → %.0f MB (%+.1f %%) from minute %d", first, last,
                (last / first - 1) * 100, from + 1);
    }

    private static String metrics(ServiceClient service) {
        try {
            return service.metrics();
        } catch (Exception e) {
            return "";
        }
    }

    /** The service's long-lived heap after its last collection, in MB (NaN when /q/metrics does not say). */
    private static double heapAfterGcMb(String metrics) {
        Matcher used = HEAP_AFTER_GC.matcher(metrics);
        Matcher max = HEAP_MAX.matcher(metrics);
        return used.find() && max.find() ? Double.parseDouble(used.group(1)) * Double.parseDouble(max.group(1)) / 1e6
                : Double.NaN;
    }

    /** The old generation after its last reclamation, in MB (NaN before the first, or when /q/metrics does not say). */
    private static double liveDataMb(String metrics) {
        Matcher live = LIVE_DATA.matcher(metrics);
        double bytes = live.find() ? Double.parseDouble(live.group(1)) : Double.NaN;
        return bytes > 0 ? bytes / 1e6 : Double.NaN;
    }
}
