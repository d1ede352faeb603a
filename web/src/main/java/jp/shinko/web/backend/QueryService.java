package jp.shinko.web.backend;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The query service, called with the signed-in person's access token: it decides what they may
 * read. A refusal becomes a {@link ServiceRefused} with the service's own detail.
 */
@Component
public class QueryService {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient client;

    QueryService(Services services, RestClient.Builder builder) {
        this.client = builder.baseUrl(services.queryService().toString()).build();
    }

    /** The JSON answer of a GET, as the person may read it. */
    public JsonNode get(OAuth2AuthorizedClient person, Function<UriBuilder, URI> uri) {
        return client.get().uri(uri)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + person.getAccessToken().getTokenValue())
                .accept(MediaType.APPLICATION_JSON)
                .exchange((request, response) -> {
                    String body = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
                    if (response.getStatusCode().isError()) {
                        JsonNode problem = body.isBlank() ? null : JSON.readTree(body);
                        throw new ServiceRefused(response.getStatusCode().value(), problem == null
                                ? response.getStatusCode().toString() : problem.path("detail").asString());
                    }
                    return JSON.readTree(body);
                });
    }
}
