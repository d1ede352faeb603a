package jp.shinko.web.backend;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The command service, called with the signed-in person's access token: it decides what they may
 * change and checks every field. A refusal becomes a {@link ServiceRefused} naming the field the
 * problem is about, so that the page shows it next to that field.
 */
@Component
public class CommandService {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient client;

    CommandService(Services services, RestClient.Builder builder) {
        this.client = builder.baseUrl(services.commandService().toString()).build();
    }

    /** PUTs a body to a path of the command API; answers the service's JSON. */
    public JsonNode put(OAuth2AuthorizedClient person, String path, Map<String, Object> body) {
        return send(person, HttpMethod.PUT, path, body, false);
    }

    /** POSTs a body to a path of the command API; answers the service's JSON. */
    public JsonNode post(OAuth2AuthorizedClient person, String path, Map<String, Object> body) {
        return send(person, HttpMethod.POST, path, body, false);
    }

    /**
     * Enters a whole table through the bulk endpoint. The answer lists every item, recorded or
     * refused with its problem, also when every item was refused (422, nothing recorded); any other
     * refusal (403, 400) is a {@link ServiceRefused}.
     */
    public JsonNode enterTable(OAuth2AuthorizedClient person, String code, String planId, Map<String, Object> body) {
        return send(person, HttpMethod.POST, UriComponentsBuilder.fromPath("/municipalities/{code}/plans/{planId}"
                + "/progress").buildAndExpand(code, planId).toUriString(), body, true);
    }

    private JsonNode send(OAuth2AuthorizedClient person, HttpMethod method, String path, Map<String, Object> body,
            boolean itemsAnswer) {
        return client.method(method).uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + person.getAccessToken().getTokenValue())
                .contentType(MediaType.APPLICATION_JSON)
                .body(JSON.writeValueAsString(body))
                .exchange((request, response) -> {
                    String answer = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
                    JsonNode json = answer.isBlank() ? JSON.createObjectNode() : JSON.readTree(answer);
                    if (response.getStatusCode().isError() && !(itemsAnswer && json.path("items").isArray())) {
                        JsonNode firstError = json.path("errors").path(0);
                        String field = json.path("field").isString() ? json.path("field").asString()
                                : firstError.path("field").asString(null);
                        throw new ServiceRefused(response.getStatusCode().value(),
                                json.path("detail").asString(response.getStatusCode().toString()), field);
                    }
                    return json;
                });
    }
}
