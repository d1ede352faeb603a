package jp.shinko.infra.testsupport;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends every operation of a service's OpenAPI description bad parameters and bad bodies, as an
 * attacker or a broken client would: wrong JSON types, nulls, missing and unknown fields, 1 MB
 * strings, deep nesting, invalid UTF-8, control characters, out-of-range and non-finite
 * numbers, bad fiscal years, quarters and check digits, wrong content types. It collects every
 * answer that is not a 4xx problem ({@code application/problem+json}); a test asserts there is
 * none. Cases come from a seeded generator, so a failure can be replayed with the same seed.
 */
public final class ApiFuzzer {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String MEGABYTE = "a".repeat(1024 * 1024);
    /** Wrong in any path segment of the API: an identifier, a code, a fiscal year, a quarter or a format. */
    private static final List<String> BAD_SEGMENTS = List.of("%00", "%FF", "%ED%A0%80", "%0D%0A", "-1", "%20",
            "..%2F..", "%25", "a".repeat(3000), "%27%3B--");
    /** Wrong in any text parameter, even a free-text filter. */
    private static final List<String> BAD_TEXT = List.of("%00", "%FF", "%ED%A0%80", "%0A", "%09",
            "x".repeat(4100));
    /** Wrong in any whole-number parameter. */
    private static final List<String> BAD_NUMBERS = List.of("-1", "99999999999999999999", "1e400", "0.5", "NaN",
            "%00", "x");

    private final URI base;
    private final Random random;
    private final Function<String, String> tokenFor;
    private final Map<String, String> validValues;

    /**
     * @param base the service
     * @param seed the generator's seed, printed with every failure
     * @param tokenFor the bearer token to send on a path (one that may call it, so that input checks are reached)
     * @param validValues a valid value for each parameter by name (the {@code code} of an unregistered
     *     municipality, a plan id…), so that each case changes one thing only
     */
    public ApiFuzzer(URI base, long seed, Function<String, String> tokenFor, Map<String, String> validValues) {
        this.base = base;
        this.random = new Random(seed);
        this.tokenFor = tokenFor;
        this.validValues = Map.copyOf(validValues);
    }

    /** An answer that is not a 4xx problem. */
    public record Failure(String method, String path, String contentType, String body, int status, String answer) {
    }

    /** Runs {@code casesPerOperation} bad requests against every operation; answers the failures. */
    public List<Failure> run(int casesPerOperation) throws IOException, InterruptedException {
        JsonNode description = JSON.readTree(HTTP.send(HttpRequest.newBuilder(base.resolve("/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        List<Failure> failures = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : description.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase();
                if (!takesInput(description, operation.getValue())) {
                    continue; // nothing to send wrong (a body it does not read is ignored, as it should be)
                }
                for (int i = 0; i < casesPerOperation; i++) {
                    Case next = generate(description, path.getKey(), method, operation.getValue());
                    HttpResponse<String> answer = send(next);
                    String type = answer.headers().firstValue("Content-Type").orElse("");
                    if (answer.statusCode() < 400 || answer.statusCode() >= 500
                            || !type.startsWith("application/problem+json")) {
                        failures.add(new Failure(method, next.path(), next.contentType(),
                                abbreviated(new String(next.body(), StandardCharsets.UTF_8)), answer.statusCode(),
                                abbreviated(answer.body())));
                    }
                }
            }
        }
        return failures;
    }

    private record Case(String method, String path, String contentType, byte[] body) {
    }

    private Case generate(JsonNode description, String template, String method, JsonNode operation) {
        Map<String, String> pathValues = new LinkedHashMap<>();
        Map<String, String> queryValues = new LinkedHashMap<>();
        Map<String, String> queryTypes = new LinkedHashMap<>();
        for (JsonNode parameter : operation.path("parameters")) {
            String name = parameter.path("name").asString();
            String value = URLEncoder.encode(validValues.getOrDefault(name, "x"), StandardCharsets.UTF_8);
            if (parameter.path("in").asString().equals("path")) {
                pathValues.put(name, value);
            } else if (parameter.path("in").asString().equals("query")) {
                queryTypes.put(name, parameter.path("schema").path("type").asString("string"));
                if (parameter.path("required").asBoolean()) {
                    queryValues.put(name, value);
                }
            }
        }
        JsonNode schema = bodySchema(description, operation);
        // one thing is wrong in each case: a path segment, a query parameter or the body
        List<Integer> choices = new ArrayList<>();
        if (!pathValues.isEmpty()) {
            choices.add(0);
        }
        if (!queryTypes.isEmpty()) {
            choices.add(1);
        }
        if (schema != null) {
            choices.add(2);
        }
        int choice = pick(choices);
        byte[] body = new byte[0];
        String contentType = "application/json";
        if (choice == 0) {
            pathValues.put(pick(new ArrayList<>(pathValues.keySet())), pick(BAD_SEGMENTS));
        } else if (choice == 1) {
            String name = pick(new ArrayList<>(queryTypes.keySet()));
            queryValues.put(name, pick(queryTypes.get(name).equals("integer") ? BAD_NUMBERS : BAD_TEXT));
        }
        if (schema != null) {
            JsonNode valid = example(description, schema, 0);
            if (choice == 2) {
                Mutation mutation = mutate(valid);
                body = mutation.body();
                contentType = mutation.contentType();
            } else {
                body = invalidWhole(valid);
            }
        }
        String path = template;
        for (Map.Entry<String, String> value : pathValues.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        StringBuilder query = new StringBuilder();
        queryValues.forEach((name, value) -> query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
                .append(value));
        return new Case(method, path + query, contentType, body);
    }

    /** Whether anything of the operation can be sent wrong: a parameter or a body. */
    private static boolean takesInput(JsonNode description, JsonNode operation) {
        return operation.path("parameters").size() > 0 || bodySchema(description, operation) != null;
    }

    /** A body the request must refuse whatever its parameters: its municipality code's check digit is wrong. */
    private static byte[] invalidWhole(JsonNode valid) {
        if (valid instanceof ObjectNode object && object.has("code")) {
            object.put("code", "132120");
        }
        return JSON.writeValueAsBytes(valid);
    }

    private record Mutation(byte[] body, String contentType) {
    }

    private Mutation mutate(JsonNode valid) {
        List<String> fields = new ArrayList<>();
        collectFields(valid, "", fields);
        String field = fields.isEmpty() ? "" : pick(fields);
        switch (random.nextInt(16)) {
            case 0 -> set(valid, field, JSON.getNodeFactory().numberNode(123));
            case 1 -> set(valid, field, JSON.getNodeFactory().textNode("text"));
            case 2 -> set(valid, field, JSON.getNodeFactory().booleanNode(true));
            case 3 -> set(valid, field, JSON.getNodeFactory().arrayNode().add(1));
            case 4 -> set(valid, field, JSON.getNodeFactory().textNode(MEGABYTE));
            case 5 -> set(valid, field, JSON.getNodeFactory().textNode("a\u0000b"));
            case 6 -> set(valid, field, JSON.getNodeFactory().textNode("a\ud800b"));
            case 7 -> set(valid, field, JSON.getNodeFactory().numberNode(new BigDecimal("1e400")));
            case 8 -> set(valid, field, JSON.getNodeFactory().numberNode(new BigDecimal("-1e400")));
            case 9 -> {
                return new Mutation("[".repeat(10_000).getBytes(StandardCharsets.UTF_8), "application/json");
            }
            case 10 -> {
                byte[] json = JSON.writeValueAsBytes(valid);
                byte[] broken = new byte[json.length + 2];
                System.arraycopy(json, 0, broken, 0, json.length - 1);
                broken[json.length - 1] = (byte) 0xC0;
                broken[json.length] = (byte) 0xAF;
                broken[json.length + 1] = '}';
                return new Mutation(broken, "application/json");
            }
            case 11 -> {
                return new Mutation(JSON.writeValueAsBytes(valid), pick(List.of("text/plain", "application/xml",
                        "application/x-www-form-urlencoded")));
            }
            case 12 -> {
                return new Mutation(new byte[0], "application/json");
            }
            case 13 -> {
                if (valid instanceof ObjectNode object) {
                    object.put("unexpected" + random.nextInt(1000), 1);
                }
            }
            case 14 -> {
                String json = JSON.writeValueAsString(valid);
                return new Mutation(("{\"x\":1,\"x\":2," + json.substring(1)).getBytes(StandardCharsets.UTF_8),
                        "application/json");
            }
            default -> {
                return new Mutation("{\"value\": NaN, ".getBytes(StandardCharsets.UTF_8), "application/json");
            }
        }
        return new Mutation(invalidWhole(valid), "application/json");
    }

    private HttpResponse<String> send(Case next) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + next.path()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", next.contentType())
                .method(next.method(), next.body().length == 0 && next.method().equals("GET")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(next.body()));
        String token = tokenFor.apply(next.path());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode bodySchema(JsonNode description, JsonNode operation) {
        JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
        return schema.isMissingNode() ? null : resolve(description, schema);
    }

    private static JsonNode resolve(JsonNode description, JsonNode schema) {
        String reference = schema.path("$ref").asString("");
        return reference.isEmpty() ? schema
                : description.path("components").path("schemas").path(reference.substring(reference.lastIndexOf('/')
                        + 1));
    }

    /** A plausible value of the schema: every property present, text "x", numbers 1. */
    private JsonNode example(JsonNode description, JsonNode schema, int depth) {
        JsonNode resolved = resolve(description, schema);
        String type = resolved.path("type").asString(resolved.has("properties") ? "object" : "string");
        return switch (type) {
            case "object" -> {
                ObjectNode object = JSON.createObjectNode();
                if (depth < 4) {
                    for (Map.Entry<String, JsonNode> property : resolved.path("properties").properties()) {
                        object.set(property.getKey(), example(description, property.getValue(), depth + 1));
                    }
                }
                yield object;
            }
            case "array" -> {
                ArrayNode array = JSON.createArrayNode();
                if (depth < 4) {
                    array.add(example(description, resolved.path("items"), depth + 1));
                }
                yield array;
            }
            case "integer", "number" -> JSON.getNodeFactory().numberNode(1);
            case "boolean" -> JSON.getNodeFactory().booleanNode(true);
            default -> JSON.getNodeFactory().textNode(validValues.getOrDefault("text", "x"));
        };
    }

    private static void collectFields(JsonNode node, String prefix, List<String> fields) {
        if (node instanceof ObjectNode object) {
            for (Iterator<String> names = object.propertyNames().iterator(); names.hasNext(); ) {
                String name = names.next();
                String path = prefix.isEmpty() ? name : prefix + "." + name;
                fields.add(path);
                collectFields(object.get(name), path, fields);
            }
        } else if (node instanceof ArrayNode array && !array.isEmpty()) {
            collectFields(array.get(0), prefix + "[0]", fields);
        }
    }

    /** Replaces the field at a path ({@code a.b[0].c}) with a value; the whole body when the path is empty. */
    private static void set(JsonNode root, String path, JsonNode value) {
        if (path.isEmpty() || !(root instanceof ObjectNode)) {
            return;
        }
        JsonNode parent = root;
        String[] steps = path.replace("[0]", ".0").split("\\.");
        for (int i = 0; i < steps.length - 1; i++) {
            parent = parent instanceof ArrayNode array ? array.get(0) : parent.get(steps[i]);
        }
        String last = steps[steps.length - 1];
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(0, value);
        }
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String abbreviated(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
