package io.cinegraph.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}) run as its own process, as a user runs it: on a
 * free HTTP port, its embedded Neo4j on a free Bolt port, its log in {@code target/reliability-logs/}. {@link #kill} is {@code kill -9}.
 */
final class ServiceProcess implements AutoCloseable {

    static final String ADMIN_KEY = "reliability-admin-key";
    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    /** A small ranker, so that a retraining on the fixture takes seconds (as the test profile's). */
    private static final List<String> SMALL_RANKER = List.of(
            "-Dcinegraph.ranker.candidates-by-ease=60", "-Dcinegraph.ranker.candidates-by-cosine=30",
            "-Dcinegraph.ranker.candidates-by-popularity=20", "-Dcinegraph.ranker.candidates-by-session=20",
            "-Dcinegraph.ranker.candidates-by-recent-popularity=20", "-Dcinegraph.ranker.random-negatives=20",
            "-Dcinegraph.ranker.candidates-per-generator=20", "-Dcinegraph.ranker.embedding-size=8",
            "-Dcinegraph.ranker.hidden=32", "-Dcinegraph.ranker.batch-size=256", "-Dcinegraph.ranker.max-epochs=3",
            "-Dcinegraph.ranker.patience=2", "-Dcinegraph.ranker.rating-epochs=3",
            "-Dcinegraph.retrain.holdout-users=60");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServiceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts {@code serve --no-train} on the store in {@code dataDir} (importing {@code dataset} first if given). */
    static ServiceProcess start(Path dataDir, Path dataset, String logName) throws IOException, InterruptedException {
        return start(dataDir, dataset, logName, List.of());
    }

    /** As {@link #start(Path, Path, String)}, with more {@code -Dkey=value} settings (e.g. an external Neo4j's URI). */
    static ServiceProcess start(Path dataDir, Path dataset, String logName, List<String> settings)
            throws IOException, InterruptedException {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " does not exist: run the integration tests with ./mvnw verify");
        }
        int port = freePort();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "-Dquarkus.http.port=" + port,
                "-Dcinegraph.neo4j.embedded.bolt-port=0",
                "-Dcinegraph.neo4j.embedded.page-cache=64m",
                "-Dcinegraph.neo4j.embedded.data-dir=" + dataDir,
                "-Dcinegraph.ranker.model-dir=" + dataDir.resolve("models"),
                "-Dcinegraph.retrain.cron=off",
                "-Dcinegraph.admin.api-key=" + ADMIN_KEY));
        cmd.addAll(SMALL_RANKER);
        cmd.addAll(settings);
        cmd.addAll(List.of("-jar", JAR.toString(), "serve", "--no-train"));
        if (dataset != null) {
            cmd.addAll(List.of("--path", dataset.toString()));
        }
        Path log = Path.of("target", "reliability-logs", logName + ".log"); // kept for a look after a failure
        Files.createDirectories(log.getParent());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServiceProcess service = new ServiceProcess(p, port, log);
        service.awaitReady(Duration.ofMinutes(3));
        return service;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private void awaitReady(Duration timeout) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service exited with " + process.exitValue() + "; its log: "
                        + Files.readString(log));
            }
            try {
                if (get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The service was not ready within " + timeout + "; its log: " + Files.readString(log));
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    JsonNode getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = get(path);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** Sends a request; {@code headers} are more name, value pairs. */
    HttpResponse<String> send(String method, String path, String json, boolean admin, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (admin) {
            b.header("X-API-Key", ADMIN_KEY);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Starts a gated retraining and returns its job id. */
    String retrain() throws IOException, InterruptedException {
        HttpResponse<String> r = send("POST", "/api/admin/retrain", null, true);
        if (r.statusCode() != 202) {
            throw new IllegalStateException("POST /api/admin/retrain answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body()).get("id").asText();
    }

    /** Waits for a retraining job to finish and returns it. */
    JsonNode awaitJob(String id, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode job = JSON.readTree(send("GET", "/api/admin/jobs/" + id, null, true).body());
            String state = job.get("state").asText();
            if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
                return job;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Retraining " + id + " did not finish within " + timeout);
    }

    /** Writes the process's thread dump next to its log (for a look at what it waits on). */
    void threadDump(String name) throws IOException, InterruptedException {
        Path out = log.resolveSibling(name + ".threads.txt");
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(process.pid()), "Thread.print").redirectErrorStream(true).redirectOutput(out.toFile()).start();
        jcmd.waitFor(30, TimeUnit.SECONDS);
    }

    /** Whether the log holds this text (e.g. a stage's line). */
    boolean logContains(String text) throws IOException {
        return Files.readString(log).contains(text);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** {@code kill -9}: no shutdown hook runs, nothing is flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
