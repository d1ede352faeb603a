package jp.shinko.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.infra.testsupport.Caller;
import jp.shinko.infra.testsupport.EndpointInventory;
import jp.shinko.infra.testsupport.MunicipalitiesNamed;
import jp.shinko.infra.testsupport.RealInfrastructure;
import jp.shinko.infra.testsupport.TestInfrastructure;
import jp.shinko.infra.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Who may call what on the command service: every endpoint, called by every kind of caller,
 * answers the status its row says, and a refused write stores nothing. A new endpoint without
 * a row fails {@link #everyEndpointOfTheServiceHasARow()}.
 *
 * <p>Municipality codes here are Okinawa's (47), which no other test uses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructure.class)
class CommandApiAccessTest {

    private static final MunicipalityCode ANOTHER = MunicipalityCode.of("472018");
    private static final AtomicInteger NEXT_CODE = new AtomicInteger(47301);

    /** What an endpoint does with records, and so what is checked beyond the status. */
    enum Kind {
        /** Stores events: a refused call must store none. */
        WRITES,
        /** Answers records: a municipal role must see only its own municipality's. */
        READS,
        /** Neither, e.g. the API description. */
        DESCRIBES
    }

    /** One endpoint: who gets which status, and how to call it about a target municipality. */
    record Row(String endpoint, Map<Caller, Integer> statuses, Kind kind,
            BiFunction<RestTestClient, MunicipalityCode, RestTestClient.ResponseSpec> call) {
    }

    private static final List<Row> MATRIX = List.of(
            new Row("POST /municipalities", Caller.adminOnly(201), Kind.WRITES, (client, target) -> client.post()
                    .uri("/municipalities")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("code", target.value(), "name", "試験市", "romanisedName", "Shiken"))
                    .exchange()),
            get("GET /v3/api-docs", Caller.anyVerified(200)),
            get("GET /v3/api-docs.yaml", Caller.anyVerified(200)),
            get("GET /v3/api-docs/swagger-config", Caller.anyVerified(200)),
            get("GET /swagger-ui.html", Caller.anyVerified(302)),
            get("GET /actuator", Caller.adminOnly(200)),
            get("GET /actuator/health", Caller.everybody(200)),
            get("GET /.well-known/oauth-protected-resource", Caller.everybody(200)),
            get("GET /actuator/info", Caller.adminOnly(200)),
            get("GET /actuator/prometheus", Caller.adminOnly(200)),
            new Row("ANY /error", Caller.adminOnly(403), Kind.DESCRIBES,
                    (client, target) -> client.get().uri("/error").exchange()));

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    RestTestClient anonymous;

    @BeforeEach
    void setUp() {
        anonymous = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void everyEndpointOfTheServiceHasARow() {
        assertThat(EndpointInventory.of(context))
                .isEqualTo(MATRIX.stream().map(Row::endpoint).collect(Collectors.toCollection(TreeSet::new)));
    }

    @TestFactory
    Stream<DynamicTest> everyCallerGetsTheStatusOfTheMatrixAndARefusedWriteStoresNothing() {
        return MATRIX.stream().flatMap(row -> Arrays.stream(Caller.values()).map(caller -> dynamicTest(
                row.endpoint() + " as " + caller + " -> " + row.statuses().get(caller), () -> {
                    MunicipalityCode target = MunicipalityCode.of(withCheckDigit(NEXT_CODE.getAndIncrement()));
                    int eventsBefore = eventsOf(target);

                    EntityExchangeResult<String> result = row.call().apply(clientOf(caller, target), target)
                            .returnResult(String.class);

                    assertThat(result.getStatus().value()).as(row.endpoint() + " as " + caller)
                            .isEqualTo(row.statuses().get(caller));
                    boolean succeeded = result.getStatus().is2xxSuccessful();
                    if (row.kind() == Kind.WRITES) {
                        assertThat(eventsOf(target) > eventsBefore).as("stored").isEqualTo(succeeded);
                    }
                    if (row.kind() == Kind.READS) {
                        caller.actor(target, ANOTHER).filter(actor -> actor.role().isMunicipal() && succeeded)
                                .ifPresent(actor -> assertThat(MunicipalitiesNamed.in(result.getResponseBody()))
                                        .isSubsetOf(Set.of(actor.municipalityCode().value())));
                    }
                })));
    }

    @ParameterizedTest
    @EnumSource(TestTokens.Broken.class)
    void aBrokenTokenIsUnauthenticatedAndStoresNothing(TestTokens.Broken broken) {
        MunicipalityCode target = MunicipalityCode.of(withCheckDigit(NEXT_CODE.getAndIncrement()));

        anonymous.post().uri("/municipalities")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + broken.token())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("code", target.value(), "name", "試験市", "romanisedName", "Shiken"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE,
                        challenge -> assertThat(challenge).startsWith("Bearer error=\"invalid_token\""))
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:shinko:problem:unauthenticated")
                .jsonPath("$.detail").value(String.class,
                        detail -> assertThat(detail).startsWith("the bearer token was refused: "));

        assertThat(eventsOf(target)).isZero();
    }

    @Test
    void noTokenIsAskedForOneInProblemDetails() {
        anonymous.get().uri("/v3/api-docs").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer resource_metadata=\"http://localhost:"
                        + port + "/.well-known/oauth-protected-resource\"")
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:shinko:problem:unauthenticated")
                .jsonPath("$.detail").isEqualTo("this request needs a bearer token: send 'Authorization: Bearer "
                        + "<token>' with an access token from the identity provider");
    }

    @Test
    void theProtectedResourceMetadataNamesTheIdentityProvider() {
        anonymous.get().uri("/.well-known/oauth-protected-resource").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.authorization_servers[0]")
                .isEqualTo(TestInfrastructure.identityProvider().issuer().toString());
    }

    @Test
    void anEditorWhoTriesToRegisterAMunicipalityIsToldOnlyAnAdminMay() {
        MunicipalityCode target = MunicipalityCode.of(withCheckDigit(NEXT_CODE.getAndIncrement()));

        clientOf(Caller.EDITOR_OF_TARGET, target).post().uri("/municipalities")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("code", target.value(), "name", "試験市", "romanisedName", "Shiken"))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:shinko:problem:forbidden")
                .jsonPath("$.detail").isEqualTo("matrix-editor (municipal-editor of " + target
                        + ") may not register a municipality; only an admin may");
    }

    private static Row get(String endpoint, Map<Caller, Integer> statuses) {
        String path = endpoint.substring("GET ".length());
        return new Row(endpoint, statuses, Kind.DESCRIBES, (client, target) -> client.get().uri(path).exchange());
    }

    private RestTestClient clientOf(Caller caller, MunicipalityCode target) {
        return caller.actor(target, ANOTHER).map(TestTokens::of)
                .map(token -> anonymous.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build())
                .orElse(anonymous);
    }

    private int eventsOf(MunicipalityCode municipality) {
        return jdbc.sql("select count(*) from event_store.domain_event_entry where municipality_code = ?")
                .param(municipality.value()).query(Integer.class).single();
    }

    private static String withCheckDigit(int firstFiveDigits) {
        String digits = Integer.toString(firstFiveDigits);
        return digits + MunicipalityCode.checkDigit(digits);
    }
}
