package io.cinegraph.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The calls the load commands ({@code bench}, {@code soak}) make to a running service, over HTTP/1.1; with several
 * replicas, each request goes to the next one in turn (round robin, as a load balancer would).
 */
final class ServiceClient {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final List<String> urls;
    private final java.util.concurrent.atomic.AtomicLong turn = new java.util.concurrent.atomic.AtomicLong();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    ServiceClient(List<String> urls) {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("No service URL given");
        }
        this.urls = List.copyOf(urls);
    }

    /** How many replicas the requests go to. */
    int replicas() {
        return urls.size();
    }

    /** The next replica's base URL. */
    private String url() {
        return urls.get((int) (turn.getAndIncrement() % urls.size()));
    }

    /** Starts a gated retraining on the first replica (admin key); the job's id. */
    String retrain(String adminKey) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(urls.get(0) + "/api/admin/retrain"))
                .timeout(Duration.ofSeconds(30)).header("X-API-Key", adminKey)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 202) {
            throw new IllegalStateException("POST /api/admin/retrain answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body()).get("id").asText();
    }

    /** A retraining job as the first replica shows it (JSON). */
    com.fasterxml.jackson.databind.JsonNode job(String adminKey, String id) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(urls.get(0) + "/api/admin/jobs/" + id))
                .timeout(Duration.ofSeconds(30)).header("X-API-Key", adminKey).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET /api/admin/jobs/" + id + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** GET a path of the next replica as JSON (with the admin key when given); a clear error unless 200. */
    com.fasterxml.jackson.databind.JsonNode getJson(String path, String adminKey) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(30)).GET();
        if (adminKey != null) {
            b.header("X-API-Key", adminKey);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** POST a JSON body to a path of the next replica (with the admin key when given); the status and body. */
    HttpResponse<String> postJson(String path, String body, String adminKey) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (adminKey != null) {
            b.header("X-API-Key", adminKey);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The model version each replica serves now, in order. */
    List<String> activeVersions() throws IOException, InterruptedException {
        List<String> out = new java.util.ArrayList<>();
        for (String u : urls) {
            var body = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(u + "/api/model"))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
            var active = body.get("active");
            out.add(active == null || active.isNull() ? "none" : active.get("version").asText());
        }
        return out;
    }

    /** GET a user's recommendations ({@code fresh}: with Cache-Control: no-cache); true on 200. */
    boolean recommend(long userId, int limit, boolean fresh) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + "/api/users/" + userId
                + "/recommendations?limit=" + limit)).timeout(Duration.ofSeconds(30)).GET();
        if (fresh) {
            request.header("Cache-Control", "no-cache");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()).statusCode() == 200;
    }

    /** PUT one rating; true when acknowledged (200 or 201). */
    boolean rate(long userId, long movieId, int stars) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/api/users/" + userId + "/ratings/" + movieId))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"rating\": " + stars + "}")).build();
        int status = http.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
        return status == 200 || status == 201;
    }

    /** POST a JSON body of ratings to /api/ratings; true on 200. */
    boolean rateBatch(String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/api/ratings")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode() == 200;
    }

    /** A user's stored ratings, movie id → stars. */
    Map<Long, Double> ratings(long userId) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(urls.get(0) + "/api/users/" + userId + "/ratings"))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET /api/users/" + userId + "/ratings answered " + r.statusCode());
        }
        Map<Long, Double> out = new HashMap<>();
        for (var node : JSON.readTree(r.body())) {
            out.put(node.get("movieId").asLong(), node.get("rating").asDouble());
        }
        return out;
    }

    /** The body of /q/metrics (Prometheus text). */
    String metrics() throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(urls.get(0) + "/q/metrics")).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
