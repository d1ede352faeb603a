package jp.shinko.infra.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.infra.embedded.ServiceProcess;
import jp.shinko.infra.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON over HTTP to a service, as an outside client sends it. */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Api() {
    }

    /** An answer: its status, its body as JSON (empty when it is not JSON) and its headers. */
    record Answer(int status, JsonNode body, HttpResponse<String> raw) {

        Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }
    }

    /**
     * Sends a request; a body is sent as JSON, an Idempotency-Key when one is given.
     *
     * @throws IOException when the service cannot be reached (it is down, or was killed)
     */
    static Answer send(URI base, String method, String path, String token, String idempotencyKey, Object body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json;
        try {
            json = response.body().isEmpty() ? JSON.missingNode() : JSON.readTree(response.body());
        } catch (RuntimeException notJson) {
            json = JSON.missingNode();
        }
        return new Answer(response.statusCode(), json, response);
    }

    /** Sends a request to a service (no Idempotency-Key) and fails unless it answers the status expected. */
    static Answer expect(ServiceProcess service, String method, String path, String token, Object body,
            int expectedStatus) throws IOException, InterruptedException {
        Answer answer = send(service.baseUrl(), method, path, token, null, body);
        assertThat(answer.status()).as("%s %s on %s: %s", method, path, service.name(), answer.raw().body())
                .isEqualTo(expectedStatus);
        return answer;
    }

    /** A token of an editor of the municipality, named {@code editor-<code>}. */
    static String editorOf(String code) {
        return TestTokens.of(new Actor("editor-" + code, Role.MUNICIPAL_EDITOR, MunicipalityCode.of(code), null));
    }

    static Answer get(URI base, String path, String token) throws IOException, InterruptedException {
        return send(base, "GET", path, token, null, null);
    }
}
