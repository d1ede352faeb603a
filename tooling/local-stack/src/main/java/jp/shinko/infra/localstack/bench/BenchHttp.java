package jp.shinko.infra.localstack.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The benchmark's HTTP client: JSON requests with a bearer token, over HTTP/1.1 kept-alive connections. */
final class BenchHttp {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** An answer across every municipality as of a past instant replays much of the store. */
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** An answer: its status and body. */
    record Answer(int status, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    Answer send(String method, URI uri, String token, Object body, String idempotencyKey)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        HttpResponse<String> response = client.send(request.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.body());
    }

    /** Sends and answers the body, or throws naming the request when the status is not 2xx. */
    Answer expectOk(String method, URI uri, String token, Object body, String idempotencyKey)
            throws IOException, InterruptedException {
        Answer answer = send(method, uri, token, body, idempotencyKey);
        if (answer.status() / 100 != 2) {
            throw new IOException(method + " " + uri.getPath() + " was answered " + answer.status() + ": "
                    + answer.body());
        }
        return answer;
    }

    Answer get(URI uri, String token) throws IOException, InterruptedException {
        return send("GET", uri, token, null, null);
    }
}
