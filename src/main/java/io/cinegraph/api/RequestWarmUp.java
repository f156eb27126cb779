package io.cinegraph.api;

import io.cinegraph.support.BudgetedWork;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The last step of the start-up warm-up, before readiness: the service asks itself over loopback for the
 * recommendations of a few users whose rankings the warm-up has just cached, so that the JIT compiles the request
 * path (HTTP, routing, filters, JSON) before the first client comes instead of during its first minutes, when those
 * compilations queued behind each other took cores from the requests. Only reads of cached rankings (nothing is
 * written); one whose first request fails (logged once) skips it.
 */
@ApplicationScoped
public class RequestWarmUp {

    private static final Logger LOG = Logger.getLogger(RequestWarmUp.class);
    /** Users asked for in turn: the request path, not the users, is what is warmed. */
    static final int USERS = 64;

    private final int requests;
    private final Duration budget;
    private final java.util.function.Supplier<String> base;

    @jakarta.inject.Inject
    public RequestWarmUp(@ConfigProperty(name = "quarkus.http.host", defaultValue = "0.0.0.0") String host,
                         io.cinegraph.support.ApiConfig api) {
        // the port as listened on, read when the warm-up runs (after the HTTP server started)
        this(() -> loopback(host, org.eclipse.microprofile.config.ConfigProvider.getConfig()
                        .getOptionalValue(io.quarkus.runtime.LaunchMode.current() == io.quarkus.runtime.LaunchMode.TEST
                                ? "quarkus.http.test-port" : "quarkus.http.port", Integer.class).orElse(0)),
                api.warmUpRequests(), Duration.ofSeconds(api.warmUpRequestsSeconds()));
    }

    /** {@code requests} requests to the service at {@code base} (null: none) within {@code budget}. */
    RequestWarmUp(java.util.function.Supplier<String> base, int requests, Duration budget) {
        this.base = base;
        this.requests = requests;
        this.budget = budget;
    }

    /** The service's base URL over loopback, or null when it listens on a random port not known here. */
    static String loopback(String host, int port) {
        if (port <= 0) {
            return null;
        }
        String address = host.equals("0.0.0.0") || host.equals("::") || host.equals("localhost") ? "127.0.0.1" : host;
        return "http://" + (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
    }

    /** Asks for the recommendations of the first {@value #USERS} of {@code users} in turn; returns the requests made. */
    public int run(List<Long> users) {
        String url = base.get();
        if (requests <= 0 || users.isEmpty() || budget.isZero() || url == null) {
            return 0;
        }
        List<Long> asked = users.subList(0, Math.min(USERS, users.size()));
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            get(client, url, asked.get(0), 0);
        } catch (Exception e) {
            LOG.warnf("No request warm-up: %s answered %s", url, e.getMessage());
            return 0;
        }
        long start = System.nanoTime();
        int made = BudgetedWork.forEach("Warming the request path", " requests",
                IntStream.range(0, requests).boxed().toList(), budget, Runtime.getRuntime().availableProcessors(),
                i -> {
                    try {
                        get(client, url, asked.get(i % asked.size()), i);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
        LOG.infof("Warmed the request path with %,d requests in %.1f s", made, (System.nanoTime() - start) / 1e9);
        return made;
    }

    /** One request as clients make them (every other one without explanations); a status other than 200 fails it. */
    private static void get(HttpClient client, String base, long userId, int i) throws java.io.IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/users/" + userId
                + "/recommendations?limit=10&explain=" + (i % 2 == 0))).timeout(Duration.ofSeconds(10)).GET().build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new java.io.IOException("status " + response.statusCode() + " for user " + userId);
        }
    }
}
