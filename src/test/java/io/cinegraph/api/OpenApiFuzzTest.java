package io.cinegraph.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cinegraph.domain.GraphCounts;
import io.cinegraph.graph.CatalogRepository;
import io.cinegraph.graph.IngestRepository;
import io.cinegraph.ingest.Fixtures;
import io.cinegraph.ingest.ImportOptions;
import io.cinegraph.ingest.Importer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the service's own OpenAPI document, sent bad values: each path and query parameter in turn
 * (the others valid), and for operations with a JSON body, malformed bodies and every schema property with values
 * of the wrong type. No answer may be a 5xx, every error must be problem+json naming a status, and the graph must
 * be as before (none of these requests is a valid write).
 */
@QuarkusTest
class OpenApiFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Values no parameter of the API accepts. */
    private static final List<String> BAD_VALUES = List.of("-1", "abc", "1.5", "99999999999999999999999", "",
            " ", "\u0000", "../../etc/passwd", "' OR 1=1 --", "<script>alert(1)</script>", "{}", "[1]", "NaN",
            "a".repeat(3_000));
    /** Property values of the wrong type, by the property's schema type. */
    private static final Map<String, List<String>> BAD_PROPERTY_VALUES = Map.of(
            "string", List.of("4", "true", "[\"a\"]", "{\"v\": \"a\"}"),
            "integer", List.of("\"five\"", "\"4\"", "1.5", "true", "[4]", "{\"v\": 4}", "99999999999999999999"),
            "number", List.of("\"five\"", "\"4\"", "true", "[4]", "{\"v\": 4}", "1e400"),
            "boolean", List.of("\"yes\"", "1", "[true]"),
            "array", List.of("\"five\"", "4", "{\"v\": 4}", "[[]]", "[{\"v\": []}]"),
            "object", List.of("\"five\"", "4", "[4]"));
    private static final List<String> BAD_BODIES = List.of("", "null", "[]", "{", "{}}", "{} trailing", "\"text\"",
            "[[[[[[[[[[]]]]]]]]]]", "{\"a\":" + "[".repeat(2_000) + "]".repeat(2_000) + "}");

    @TempDir
    Path tmp;

    @Inject
    Importer importer;

    @Inject
    IngestRepository ingest;

    @Inject
    CatalogRepository catalog;

    private final List<String> failures = new ArrayList<>();
    private int sent;

    @Test
    void everyOperationAnswersBadValuesWithAProblemAndChangesNothing() throws Exception {
        ingest.clearGraph();
        importer.run(Fixtures.csv(Files.createDirectories(tmp.resolve("csv"))),
                new ImportOptions(100, ImportOptions.OnError.FAIL, null, false));
        GraphCounts before = catalog.counts();
        String ratingsBefore = given().get("/api/users/1/ratings").then().statusCode(200).extract().asString();

        JsonNode api = JSON.readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (op.getKey().equals("parameters")) {
                    continue;
                }
                operations++;
                fuzz(api, path.getKey(), op.getKey().toUpperCase(java.util.Locale.ROOT), op.getValue());
            }
        }
        System.out.printf("OpenAPI fuzz: %d operations, %d requests, %d failures%n", operations, sent, failures.size());
        failures.forEach(f -> System.out.println("  " + f));
        assertThat(failures).isEmpty();
        assertThat(operations).isGreaterThanOrEqualTo(15);
        assertThat(catalog.counts()).isEqualTo(before);
        assertThat(given().get("/api/users/1/ratings").then().statusCode(200).extract().asString()).isEqualTo(ratingsBefore);
    }

    private void fuzz(JsonNode api, String template, String method, JsonNode op) {
        List<JsonNode> params = new ArrayList<>();
        op.path("parameters").forEach(params::add);
        Map<String, String> valid = new LinkedHashMap<>();
        params.stream().filter(p -> p.path("in").asText().equals("path")).forEach(p -> valid.put(p.get("name").asText(), "1"));
        JsonNode body = op.path("requestBody").path("content").path("application/json").path("schema");
        String validBody = body.isMissingNode() ? null : "{}";
        for (JsonNode p : params) {
            String name = p.get("name").asText();
            String in = p.path("in").asText();
            if (!in.equals("path") && !in.equals("query")) {
                continue;
            }
            for (String bad : BAD_VALUES) {
                if (in.equals("path") && (bad.isBlank() || bad.length() > 1_000)) {
                    continue; // an empty segment is another route; a huge one is the URI-length check below
                }
                Map<String, String> values = new LinkedHashMap<>(valid);
                String url;
                if (in.equals("path")) {
                    values.put(name, encode(bad));
                    url = expand(template, values);
                } else {
                    url = expand(template, values) + "?" + name + "=" + encode(bad);
                }
                send(method, url, validBody == null ? null : "{\"bad\": 1}", method + " " + template + " " + in + " " + name + "=" + abbreviate(bad));
            }
        }
        String url = expand(template, valid);
        send(method, url + "?q=" + "a".repeat(10_000), null, method + " " + template + " with a 10k URI");
        if (!body.isMissingNode()) {
            for (String bad : BAD_BODIES) {
                send(method, url, bad, method + " " + template + " body " + abbreviate(bad));
            }
            for (Map.Entry<String, String> property : properties(api, body).entrySet()) {
                for (String bad : BAD_PROPERTY_VALUES.getOrDefault(property.getValue(), List.of())) {
                    send(method, url, "{\"" + property.getKey() + "\": " + bad + "}",
                            method + " " + template + " body ." + property.getKey() + "=" + abbreviate(bad));
                }
            }
            RequestSpecification wrongType = given().header("X-API-Key", "test-admin-key").contentType("text/plain")
                    .body("rating=5");
            check(wrongType.request(method, url), method + " " + template + " as text/plain");
        }
    }

    /** The schema's properties (through a $ref) and each one's type. */
    private static Map<String, String> properties(JsonNode api, JsonNode schema) {
        Map<String, String> out = new LinkedHashMap<>();
        resolve(api, schema).path("properties").fields().forEachRemaining(p ->
                out.put(p.getKey(), resolve(api, p.getValue()).path("type").asText("object")));
        return out;
    }

    private static JsonNode resolve(JsonNode api, JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        return ref.startsWith("#/components/schemas/")
                ? api.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()))
                : schema;
    }

    private static String expand(String template, Map<String, String> values) {
        String out = template;
        for (Map.Entry<String, String> v : values.entrySet()) {
            out = out.replace("{" + v.getKey() + "}", v.getValue());
        }
        return out;
    }

    private void send(String method, String url, String body, String what) {
        RequestSpecification request = given().urlEncodingEnabled(false).header("X-API-Key", "test-admin-key");
        if (body != null) {
            request = request.contentType("application/json").body(body);
        }
        check(request.request(method, url), what);
    }

    private void check(Response response, String what) {
        sent++;
        int status = response.statusCode();
        String type = response.contentType();
        if (status >= 500) {
            failures.add(what + " → " + status + " " + abbreviate(response.asString()));
        } else if (status >= 400) {
            if (type == null || !type.startsWith("application/problem+json")) {
                failures.add(what + " → " + status + " as " + type + ": " + abbreviate(response.asString()));
            } else if (response.jsonPath().getInt("status") != status) {
                failures.add(what + " → " + status + " whose problem names status " + response.jsonPath().get("status"));
            }
        } else if (!what.contains(" GET ") && !what.startsWith("GET ") && !what.startsWith("HEAD ")) {
            failures.add(what + " → " + status + ": a bad request was accepted");
        }
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
