package jp.shinko.web.backend;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import jp.shinko.web.asof.AsOfChoice;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The query service, called with the signed-in person's access token: it decides what they may
 * read. Every read is as of the instant the person chose, if they chose one ({@link AsOfChoice}).
 * A refusal becomes a {@link ServiceRefused} with the service's own detail.
 */
@Component
public class QueryService {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient client;
    private final AsOfChoice asOf;

    QueryService(Services services, RestClient.Builder builder, AsOfChoice asOf) {
        this.client = builder.baseUrl(services.queryService().toString()).build();
        this.asOf = asOf;
    }

    /** The JSON answer of a GET, as the person may read it, as of the instant they chose (if any). */
    public JsonNode get(OAuth2AuthorizedClient person, Function<UriBuilder, URI> uri) {
        return client.get().uri(builder -> {
                    URI asked = uri.apply(builder);
                    return asOf.current().map(instant -> UriComponentsBuilder.fromUri(asked)
                            .queryParam("asOf", instant.toString()).build(true).toUri()).orElse(asked);
                })
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
