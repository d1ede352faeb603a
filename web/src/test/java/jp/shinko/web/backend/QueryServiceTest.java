package jp.shinko.web.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import jp.shinko.web.asof.AsOfChoice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Reads made alongside a page's own, on other threads: each must be as of the instant the person
 * chose in the page's request (an auditor's dashboard of a past day is of that day in every part),
 * carry their token, and a refusal must reach the page as the service's refusal.
 */
class QueryServiceTest {

    private static final Instant CHOSEN = Instant.parse("2025-04-01T00:00:00Z");

    private final List<String> asked = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private ThreadPoolTaskExecutor executor;
    private QueryService query;
    private OAuth2AuthorizedClient person;

    @BeforeEach
    void aQueryServiceAndAPageRequestWithAnInstantChosen() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            asked.add(exchange.getRequestURI().getPath() + "?" + exchange.getRequestURI().getRawQuery() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            boolean refused = exchange.getRequestURI().getPath().startsWith("/refused");
            byte[] body = (refused ? "{\"status\":403,\"detail\":\"not yours\"}" : "{\"items\":[]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", refused ? "application/problem+json"
                    : "application/json");
            exchange.sendResponseHeaders(refused ? 403 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        executor = new ThreadPoolTaskExecutor();
        executor.initialize();
        query = new QueryService(new Services(URI.create("http://127.0.0.1:1"),
                URI.create("http://127.0.0.1:" + server.getAddress().getPort())), RestClient.builder(),
                new AsOfChoice(), executor);
        person = new OAuth2AuthorizedClient(ClientRegistration.withRegistrationId("shinko").clientId("web")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE).redirectUri("http://web/")
                .authorizationUri("http://idp/authorize").tokenUri("http://idp/token").build(), "auditor",
                new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "token-of-the-auditor", Instant.now(),
                        Instant.now().plusSeconds(60)));
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.getSession(true).setAttribute(AsOfChoice.class.getName(), CHOSEN);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }

    @AfterEach
    void stop() {
        RequestContextHolder.resetRequestAttributes();
        executor.shutdown();
        server.stop(0);
    }

    @Test
    void readsAlongsideThePageAreAsOfTheInstantChosenInItsRequestWithThePersonsToken() {
        QueryService.Later<?> themes = query.alongside(() -> query.get(person,
                uri -> uri.path("/cross-city/focus-themes/by-theme").build()));
        QueryService.Later<?> overdue = query.alongside(() -> query.get(person,
                uri -> uri.path("/cross-city/missing-reports/by-municipality").build()));
        query.get(person, uri -> uri.path("/cross-city/summary").build());
        themes.get();
        overdue.get();

        assertThat(asked).containsExactlyInAnyOrder(
                "/cross-city/focus-themes/by-theme?asOf=2025-04-01T00:00:00Z Bearer token-of-the-auditor",
                "/cross-city/missing-reports/by-municipality?asOf=2025-04-01T00:00:00Z Bearer token-of-the-auditor",
                "/cross-city/summary?asOf=2025-04-01T00:00:00Z Bearer token-of-the-auditor");
    }

    @Test
    void aRefusalOfAReadAlongsideReachesThePageAsTheServicesRefusal() {
        QueryService.Later<?> refused = query.alongside(() -> query.get(person, uri -> uri.path("/refused").build()));

        assertThatThrownBy(refused::get).isInstanceOfSatisfying(ServiceRefused.class,
                refusal -> assertThat(refusal.status()).isEqualTo(403)).hasMessage("not yours");
    }
}
