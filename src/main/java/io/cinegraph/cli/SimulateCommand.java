package io.cinegraph.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cinegraph.graph.BoltClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"An A/B experiment on a running service with simulated users (start it first: ./cinegraph serve).",
                "Starts an experiment of two variants (default: A the active model, B the popular movies alone, a "
                        + "deliberately plain baseline; fallback is the user-kNN + popular fallback), then "
                        + "each simulated user (a user of the graph) asks for recommendations in rounds and acts on "
                        + "them as their planted taste says: they like the two genres they rated best; they click a "
                        + "shown movie of a liked genre with probability --click-liked, another with --click-other; a "
                        + "click is a view with probability 0.8, and a view is rated (4 or 5 stars in a liked genre, "
                        + "2 or 3 otherwise). Every impression, click and view is sent as an event with the answer's "
                        + "recommendationId. Prints each variant's online figures and the service's verdict, then ends "
                        + "the experiment (--promote: promoting the winner).",
                "It writes events and ratings: run it on a copy of the graph."})
public class SimulateCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Mixin
    ServiceTarget target;

    @Option(names = "--admin-key", description = "The service's admin key (or env CINEGRAPH_ADMIN_API_KEY).")
    String adminKey;

    @Option(names = "--variants", split = ",", defaultValue = "A:active,B:popular", paramLabel = "NAME:MODEL",
            description = "Two or more variants, the first the control; MODEL is a stored version, active, fallback or popular; "
                    + "equal shares (default: ${DEFAULT-VALUE}).")
    List<String> variants;

    @Option(names = "--users", defaultValue = "400", description = "Simulated users, drawn from the graph's (default: ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--rounds", defaultValue = "3", description = "Requests per user (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--limit", defaultValue = "10", description = "Movies shown per request (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--click-liked", defaultValue = "0.3", description = "Click probability of a shown movie in a liked genre (default: ${DEFAULT-VALUE}).")
    double clickLiked;

    @Option(names = "--click-other", defaultValue = "0.03", description = "Click probability of any other shown movie (default: ${DEFAULT-VALUE}).")
    double clickOther;

    @Option(names = "--tastes", paramLabel = "FILE", description = "The planted tastes of a generated dataset "
            + "(its tastes.csv: userId,loved,disliked): a user then clicks a shown movie of a loved genre and not of the "
            + "disliked one with --click-liked; without it, a user's taste is the two genres they rated best.")
    java.nio.file.Path tastesFile;

    @Option(names = "--promote", description = "End the experiment by promoting the variant ahead beyond doubt.")
    boolean promote;

    @Option(names = "--seed", defaultValue = "7", description = "Seed of the users and their choices (default: ${DEFAULT-VALUE}).")
    long seed;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        String key = adminKey != null ? adminKey : System.getenv("CINEGRAPH_ADMIN_API_KEY");
        if (key == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--admin-key is required (the experiment is an admin action)");
        }
        ServiceClient http = target.service();
        List<Long> all;
        try (BoltClient neo4j = target.neo4j()) {
            all = new ArrayList<>(neo4j.userIds());
        }
        Random random = new Random(seed);
        Collections.shuffle(all, random);
        List<Long> sample = all.subList(0, Math.min(users, all.size()));
        if (tastesFile != null && !java.nio.file.Files.isReadable(tastesFile)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--tastes " + tastesFile + " is not a readable file");
        }

        String name = "simulation-" + Long.toHexString(System.currentTimeMillis());
        ObjectNode experiment = JSON.createObjectNode().put("name", name);
        ArrayNode arms = experiment.putArray("variants");
        for (String v : variants) {
            String[] parts = v.split(":", 2);
            if (parts.length != 2) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--variants takes NAME:MODEL items, got " + v);
            }
            arms.addObject().put("name", parts[0]).put("model", parts[1]).put("share", 100.0 / variants.size());
        }
        HttpResponse<String> started = http.postJson("/api/admin/experiments", experiment.toString(), key);
        if (started.statusCode() != 201) {
            throw new IllegalStateException("Starting the experiment answered " + started.statusCode() + ": " + started.body());
        }
        out.printf(Locale.ROOT, "Experiment %s: %s; %d simulated users, %d rounds of %d movies%n", name, variants,
                sample.size(), rounds, limit);
        out.flush();
        try {
            Map<Long, Set<String>> tastes = new HashMap<>();
            Map<Long, String> dislikes = new HashMap<>();
            if (tastesFile != null) {
                for (String line : java.nio.file.Files.readAllLines(tastesFile).subList(1,
                        java.nio.file.Files.readAllLines(tastesFile).size())) {
                    String[] f = line.split(",");
                    tastes.put(Long.parseLong(f[0]), Set.of(f[1].split("\\|")));
                    dislikes.put(Long.parseLong(f[0]), f[2]);
                }
                sample = sample.stream().filter(tastes::containsKey).toList();
            } else {
                Map<Long, List<String>> genresOf = new HashMap<>();
                for (long user : sample) {
                    tastes.put(user, taste(http, user, genresOf));
                }
            }
            for (int round = 1; round <= rounds; round++) {
                long impressions = 0;
                long clicks = 0;
                for (long user : sample) {
                    JsonNode answer = http.getJson("/api/users/" + user + "/recommendations?limit=" + limit, null);
                    String rec = answer.get("recommendationId").asText();
                    ArrayNode events = JSON.createArrayNode();
                    for (JsonNode item : answer.get("items")) {
                        long movie = item.get("movieId").asLong();
                        boolean liked = false;
                        boolean disliked = false;
                        for (JsonNode g : item.get("genres")) {
                            liked |= tastes.get(user).contains(g.asText());
                            disliked |= g.asText().equals(dislikes.get(user));
                        }
                        liked &= !disliked;
                        events.addObject().put("userId", user).put("movieId", movie).put("type", "impression")
                                .put("recommendationId", rec);
                        impressions++;
                        if (random.nextDouble() < (liked ? clickLiked : clickOther)) {
                            clicks++;
                            events.addObject().put("userId", user).put("movieId", movie).put("type", "click")
                                    .put("recommendationId", rec);
                            if (random.nextDouble() < 0.8) {
                                events.addObject().put("userId", user).put("movieId", movie).put("type", "view")
                                        .put("recommendationId", rec);
                                int stars = liked ? 4 + random.nextInt(2) : 2 + random.nextInt(2);
                                http.rate(user, movie, stars);
                            }
                        }
                    }
                    if (!events.isEmpty()) {
                        HttpResponse<String> r = http.postJson("/api/events",
                                JSON.createObjectNode().set("events", events).toString(), null);
                        if (r.statusCode() != 200) {
                            throw new IllegalStateException("POST /api/events answered " + r.statusCode() + ": " + r.body());
                        }
                    }
                }
                out.printf(Locale.ROOT, "Round %d: %d impressions, %d clicks%n", round, impressions, clicks);
                out.flush();
            }
            JsonNode report = http.getJson("/api/admin/experiments", key);
            out.printf("%-10s %-28s %12s %8s %8s %8s %10s %10s%n", "variant", "model", "impressions", "clicks", "views",
                    "CTR", "view-thr.", "mean ★ after");
            for (JsonNode arm : report.get("arms")) {
                out.printf(Locale.ROOT, "%-10s %-28s %12d %8d %8d %7.2f%% %9.2f%% %10s%n", arm.get("variant").asText(),
                        arm.get("model").asText(), arm.get("impressions").asLong(), arm.get("clicks").asLong(),
                        arm.get("views").asLong(), 100 * arm.path("clickThrough").asDouble(),
                        100 * arm.path("viewThrough").asDouble(),
                        arm.get("meanRatingAfter").isNull() ? "-" : String.format(Locale.ROOT, "%.2f", arm.get("meanRatingAfter").asDouble()));
            }
            for (JsonNode c : report.get("comparisons")) {
                out.println("Verdict: " + c.get("verdict").asText());
            }
            replay(http, key, variants.stream().map(v -> v.split(":", 2)[0]).toList(),
                    report.get("experiment").get("startedAt").asLong(), out);
        } finally {
            HttpResponse<String> ended = http.postJson("/api/admin/experiments/end?promote=" + promote, null, key);
            out.println(ended.statusCode() == 200 ? "Experiment ended: " + JSON.readTree(ended.body()).get("decision").asText()
                    : "Ending the experiment answered " + ended.statusCode() + ": " + ended.body());
        }
        return 0;
    }

    /** The offline replay of the experiment's logged answers, each model re-ranking what every answer showed. */
    private static void replay(ServiceClient http, String key, List<String> arms, long since, java.io.PrintWriter out)
            throws Exception {
        JsonNode replay = http.getJson("/api/admin/experiments/replay?since=" + since + "&variants="
                + String.join(",", arms), key);
        out.printf(Locale.ROOT, "Offline replay of these %d answers (%d with a shown movie taken up): each model re-ranks "
                + "what each answer showed, with the user's history as it was%n", replay.get("answers").asLong(),
                replay.get("scored").asLong());
        out.printf("%-28s %8s %8s %8s %8s%n", "model", "NDCG", "MRR", "hit@1", "recall");
        for (JsonNode m : replay.get("models")) {
            out.printf(Locale.ROOT, "%-28s %8.4f %8.4f %8.4f %8.4f%n", m.get("model").asText(), m.get("ndcg").asDouble(),
                    m.get("mrr").asDouble(), m.get("hitAt1").asDouble(), m.get("recall").asDouble());
        }
        out.println("(NDCG, MRR, hit@1: the shown movies re-ranked; recall: the taken-up movies among the model's own first "
                + "n of the whole catalogue, n = movies shown)");
    }

    /** The user's planted taste: the two genres of the movies they rated highest (mean rating, at least two ratings). */
    private static Set<String> taste(ServiceClient http, long user, Map<Long, List<String>> genresOf) throws Exception {
        Map<String, double[]> byGenre = new HashMap<>();
        JsonNode ratings = http.getJson("/api/users/" + user + "/ratings", null);
        Map<Long, Double> rated = new HashMap<>();
        ratings.forEach(r -> rated.put(r.get("movieId").asLong(), r.get("rating").asDouble()));
        for (var e : rated.entrySet()) {
            List<String> genres = genresOf.get(e.getKey());
            if (genres == null) {
                genres = new ArrayList<>();
                for (JsonNode g : http.getJson("/api/movies/" + e.getKey(), null).get("genres")) {
                    genres.add(g.asText());
                }
                genresOf.put(e.getKey(), genres);
            }
            for (String g : genres) {
                double[] sum = byGenre.computeIfAbsent(g, k -> new double[2]);
                sum[0] += e.getValue();
                sum[1]++;
            }
        }
        List<Map.Entry<String, double[]>> genres = new ArrayList<>(byGenre.entrySet());
        genres.removeIf(e -> e.getValue()[1] < 2);
        genres.sort((a, b) -> Double.compare(b.getValue()[0] / b.getValue()[1], a.getValue()[0] / a.getValue()[1]));
        Set<String> liked = new HashSet<>();
        genres.stream().limit(2).forEach(e -> liked.add(e.getKey()));
        return liked;
    }
}
