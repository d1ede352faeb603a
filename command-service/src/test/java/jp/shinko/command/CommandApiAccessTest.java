package jp.shinko.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.infra.testsupport.AccessMatrix;
import jp.shinko.infra.testsupport.Caller;
import jp.shinko.infra.testsupport.TestInfrastructure;
import jp.shinko.infra.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Who may call what on the command service: every endpoint, called by every kind of caller,
 * answers the status its row says, and a refused write stores nothing. A new endpoint without
 * a row fails {@link #everyEndpointOfTheServiceHasARow()}.
 *
 * <p>Municipality codes here are Okinawa's (47), which no other test uses.
 */
@CommandServiceTest
class CommandApiAccessTest {

    private static final MunicipalityCode ANOTHER = MunicipalityCode.of("472018");
    private static final AtomicInteger NEXT_CODE = new AtomicInteger(47301);
    private static final Map<MunicipalityCode, MunicipalityCode> PARTNERS = new ConcurrentHashMap<>();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    RestTestClient anonymous;

    AccessMatrix matrix;

    @BeforeEach
    void setUp() {
        anonymous = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        matrix = new AccessMatrix(anonymous, ANOTHER);
    }

    /** The command API's endpoints; each call is about a municipality of its own. */
    private List<AccessMatrix.Row> rows() {
        return Stream.concat(Stream.of(
                new AccessMatrix.Row("POST /admin/relay/republish", Caller.adminOnly(202),
                        AccessMatrix.Kind.DESCRIBES, (client, target) -> client.post()
                                .uri("/admin/relay/republish?from=2099-01-01").exchange()),
                new AccessMatrix.Row("POST /municipalities", Caller.adminOnly(201), AccessMatrix.Kind.WRITES,
                        (client, target) -> client.post().uri("/municipalities")
                                .contentType(MediaType.APPLICATION_JSON).body(registrationOf(target)).exchange()),
                setting("PUT /municipalities/{code}/rating-scheme", Map.of("fromFiscalYear", "R5", "bands", List.of(
                        Map.of("label", "S", "minimumPercent", 120), Map.of("label", "A", "minimumPercent", 90),
                        Map.of("label", "B", "minimumPercent", 50, "minimumIncluded", false),
                        Map.of("label", "C")))),
                setting("PUT /municipalities/{code}/status-legend", Map.of("symbols", List.of(
                        Map.of("symbol", "○", "meaning", "進捗あり"),
                        Map.of("symbol", "△", "meaning", "遅れ", "reasonRequiredInFourthQuarter", true)))),
                setting("PUT /municipalities/{code}/reason-codes", Map.of("reasons", List.of(
                        Map.of("code", "9", "label", "その他")))),
                setting("PUT /municipalities/{code}/reporting-deadlines",
                        Map.of("quarterlyStatusDays", 45, "annualActualDays", 60)),
                new AccessMatrix.Row("PUT /municipalities/{code}/organisations/{organisationId}",
                        Caller.editorsOfTarget(200), AccessMatrix.Kind.WRITES, (client, target) -> client.put()
                                .uri("/municipalities/{code}/organisations/shokokai", target.value())
                                .contentType(MediaType.APPLICATION_JSON)
                                .body(Map.of("name", "商工会", "kind", "outside-body")).exchange(),
                        this::register),
                new AccessMatrix.Row("PUT /municipalities/{code}/council-meetings/{meetingId}",
                        Caller.editorsOfTarget(200), AccessMatrix.Kind.WRITES, (client, target) -> client.put()
                                .uri("/municipalities/{code}/council-meetings/m", target.value())
                                .contentType(MediaType.APPLICATION_JSON)
                                .body(Map.of("fiscalYear", "R5", "council", "審議会", "heldOn", "2024-06-20"))
                                .exchange(),
                        this::register),
                new AccessMatrix.Row("PUT /municipalities/{code}/council-meetings/{meetingId}/opinions/{opinionId}",
                        Caller.editorsOfTarget(200), AccessMatrix.Kind.WRITES, (client, target) -> client.put()
                                .uri("/municipalities/{code}/council-meetings/m/opinions/1", target.value())
                                .contentType(MediaType.APPLICATION_JSON).body(Map.of("opinion", "意見"))
                                .exchange(),
                        this::registerWithAMeeting),
                new AccessMatrix.Row("POST /municipalities/{code}/plans", Caller.editorsOfTarget(201),
                        AccessMatrix.Kind.WRITES, (client, target) -> client.post()
                                .uri("/municipalities/{code}/plans", target.value())
                                .contentType(MediaType.APPLICATION_JSON).body(PLAN).exchange(), this::register),
                planChange("PUT /municipalities/{code}/plans/{planId}", 200, "put", Map.of("name", "計画（改）",
                        "fromFiscalYear", "R5", "toFiscalYear", "R8", "reason", "改称")),
                planChange("POST /municipalities/{code}/plans/{planId}/end", 200, "post",
                        Map.of("lastFiscalYear", "R8", "reason", "新たな計画の策定による")),
                succession("PUT /municipalities/{code}/plans/{planId}/predecessor",
                        Map.of("predecessorPlanId", "old")),
                succession("PUT /municipalities/{code}/plans/{planId}/carryovers/{predecessorItemId}",
                        Map.of("kind", "ended")),
                planChange("POST /municipalities/{code}/plans/{planId}/items", 201, "post",
                        Map.of("id", "c", "content", item("3"))),
                planChange("PUT /municipalities/{code}/plans/{planId}/items/{itemId}", 200, "put",
                        Map.of("content", item("9"))),
                planChange("POST /municipalities/{code}/plans/{planId}/items/{itemId}/move", 200, "post",
                        Map.of("parentItemId", "b", "number", "1")),
                planChange("POST /municipalities/{code}/plans/{planId}/items/{itemId}/retire", 200, "post",
                        Map.of("reason", "事業終了")),
                planChange("PUT /municipalities/{code}/plans/{planId}/items/{itemId}/indicator", 200, "put",
                        Map.of("name", "参加者数", "unit", "件")),
                planChange("PUT /municipalities/{code}/plans/{planId}/items/{itemId}/annual-targets/{fiscalYear}",
                        200, "put", Map.of("value", 30, "unit", "人")),
                planChange("PUT /municipalities/{code}/plans/{planId}/items/{itemId}/annual-actuals/{fiscalYear}",
                        200, "put", Map.of("value", 31, "unit", "人")),
                planChange("PUT /municipalities/{code}/plans/{planId}/items/{itemId}/annual-targets/{fiscalYear}/none",
                        200, "put", Map.of("reason", "事業検討段階となるため目標なしとします。")),
                planChange("PUT /municipalities/{code}/plans/{planId}/items/{itemId}/ratings/{fiscalYear}", 200,
                        "put", Map.of("rating", "B", "reason", "改善の見込み")),
                planChange("PUT /municipalities/{code}/plans/{planId}/items/{itemId}/period-status/{fiscalYear}/"
                        + "{quarter}", 200, "put", Map.of("organisation", "産業振興課", "symbol", "○")),
                planChange("PUT /municipalities/{code}/plans/{planId}/items/{itemId}/narratives/{fiscalYear}", 200,
                        "put", Map.of("results", "実施した")),
                planChange("POST /municipalities/{code}/plans/{planId}/progress", 200, "post",
                        Map.of("items", List.of(Map.of("itemId", "a", "entries", List.of(
                                Map.of("kind", "target", "fiscalYear", "R5", "value", 30, "unit", "人")))))),
                new AccessMatrix.Row("POST /municipalities/{code}/plans/{planId}/fiscal-years/{fiscalYear}/close",
                        Caller.editorsOfTarget(200), AccessMatrix.Kind.WRITES, (client, target) -> client.post()
                        .uri("/municipalities/{code}/plans/p/fiscal-years/R5/close", target.value())
                        .contentType(MediaType.APPLICATION_JSON).body(Map.of()).exchange(),
                        target -> {
                            register(target);
                            matrix.clientOf(Caller.EDITOR_OF_TARGET, target).post()
                                    .uri("/municipalities/{code}/plans", target.value())
                                    .contentType(MediaType.APPLICATION_JSON).body(PLAN).exchange()
                                    .expectStatus().isCreated();
                        }),
                planChange("PUT /municipalities/{code}/plans/{planId}/items/{itemId}/subsidy-terms", 200, "put",
                        Map.of("fromFiscalYear", "R5", "maxYears", 3, "projectCapYen", 20_000_000,
                                "firstYearCapYen", 10_000_000, "rate", "2/3")),
                jointProject("PUT /municipalities/{code}/joint-projects/{projectId}", Caller.metroEditors(200), "",
                        Map.of("programme", Map.of("planId", "renkei", "itemId", "a"), "title", "連携事業",
                                "leadMunicipality", "{target}", "municipalities", List.of("{target}", "{partner}"),
                                "fiscalYear", "R7"), false),
                jointProject("PUT /municipalities/{code}/joint-projects/{projectId}/subsidies/{fiscalYear}",
                        Caller.metroEditors(200), "/subsidies/R7", Map.of("eligibleCostYen", 12_000_000), true),
                jointProject("PUT /municipalities/{code}/joint-projects/{projectId}/results/{fiscalYear}/{part}",
                        Caller.editorsOfTarget(200), "/results/R7/{target}", Map.of("results", "会議を8回実施"), true),
                consultation("PUT /municipalities/{code}/consultations/{caseId}",
                        Caller.editorsOfTargetAndMetroEditors(200), "", Map.of("municipality", "{target}",
                                "question", "補助金はないか"), false),
                consultation("PUT /municipalities/{code}/consultations/{caseId}/answer", Caller.metroEditors(200),
                        "/answer", Map.of("kindOfHelp", "財政支援へのつなぎ", "answer", "補助金の活用につなげた"), true),
                planChange("PUT /municipalities/{code}/plans/{planId}/kpis/{kpiId}", 200, "put", Map.of(
                        "name", "開業率", "unit", "%", "baseline", Map.of("value", 6.12, "fromYear", 2021))),
                planChange("POST /municipalities/{code}/plans/{planId}/kpis/{kpiId}/observations", 200, "post",
                        Map.of("figure", Map.of("value", 6.5, "fromYear", 2024), "publishedOn", "2025-12-19"))),
                AccessMatrix.PLATFORM.stream()).toList();
    }

    private static final Map<String, String> PLAN = Map.of("id", "p", "name", "計画", "fromFiscalYear", "R5",
            "toFiscalYear", "R8");

    private static Map<String, Object> item(String number) {
        return Map.of("number", number, "title", "事業", "responsibleOrganisations", List.of("産業振興課"));
    }

    /**
     * An endpoint of plan {@code p}, item (or KPI) {@code a}, fiscal year R5, quarter 1: the plan, items a and
     * b, a's indicator (in 人) and KPI a are entered first by an editor.
     */
    private AccessMatrix.Row planChange(String endpoint, int status, String method, Map<String, Object> body) {
        String path = endpoint.substring(endpoint.indexOf(' ') + 1);
        return new AccessMatrix.Row(endpoint, Caller.editorsOfTarget(status), AccessMatrix.Kind.WRITES,
                (client, target) -> (method.equals("put") ? client.put() : client.post())
                        .uri(path, target.value(), "p", "a", "R5", "1")
                        .contentType(MediaType.APPLICATION_JSON).body(body).exchange(),
                target -> {
                    register(target);
                    RestTestClient editor = matrix.clientOf(Caller.EDITOR_OF_TARGET, target);
                    editor.post().uri("/municipalities/{code}/plans", target.value())
                            .contentType(MediaType.APPLICATION_JSON).body(PLAN).exchange()
                            .expectStatus().isCreated();
                    for (String id : List.of("a", "b")) {
                        editor.post().uri("/municipalities/{code}/plans/p/items", target.value())
                                .contentType(MediaType.APPLICATION_JSON)
                                .body(Map.of("id", id, "content", item(id.equals("a") ? "1" : "2"))).exchange()
                                .expectStatus().isCreated();
                    }
                    editor.put().uri("/municipalities/{code}/plans/p/items/a/indicator", target.value())
                            .contentType(MediaType.APPLICATION_JSON).body(Map.of("name", "参加者数", "unit", "人"))
                            .exchange().expectStatus().isOk();
                    editor.put().uri("/municipalities/{code}/plans/p/kpis/a", target.value())
                            .contentType(MediaType.APPLICATION_JSON).body(Map.of("name", "事業所数", "unit", "事業所",
                                    "baseline", Map.of("value", 3603, "fromYear", 2021)))
                            .exchange().expectStatus().isOk();
                });
    }

    /**
     * An endpoint of plan {@code p} that succeeds plan {@code old} (R1–R4, with item {@code a}),
     * both entered by an editor first; the predecessor is recorded first except for its own row.
     */
    private AccessMatrix.Row succession(String endpoint, Map<String, Object> body) {
        String path = endpoint.substring("PUT ".length());
        return new AccessMatrix.Row(endpoint, Caller.editorsOfTarget(200), AccessMatrix.Kind.WRITES,
                (client, target) -> client.put().uri(path, target.value(), "p", "a")
                        .contentType(MediaType.APPLICATION_JSON).body(body).exchange(),
                target -> {
                    register(target);
                    RestTestClient editor = matrix.clientOf(Caller.EDITOR_OF_TARGET, target);
                    editor.post().uri("/municipalities/{code}/plans", target.value())
                            .contentType(MediaType.APPLICATION_JSON).body(Map.of("id", "old", "name", "旧計画",
                                    "fromFiscalYear", "R1", "toFiscalYear", "R4")).exchange()
                            .expectStatus().isCreated();
                    editor.post().uri("/municipalities/{code}/plans/old/items", target.value())
                            .contentType(MediaType.APPLICATION_JSON).body(Map.of("id", "a", "content", item("1")))
                            .exchange().expectStatus().isCreated();
                    editor.post().uri("/municipalities/{code}/plans", target.value())
                            .contentType(MediaType.APPLICATION_JSON).body(PLAN).exchange()
                            .expectStatus().isCreated();
                    if (!endpoint.endsWith("/predecessor")) {
                        editor.put().uri("/municipalities/{code}/plans/p/predecessor", target.value())
                                .contentType(MediaType.APPLICATION_JSON).body(Map.of("predecessorPlanId", "old"))
                                .exchange().expectStatus().isOk();
                    }
                });
    }

    /**
     * An endpoint of 東京都's joint project {@code p<target>}, in which the target takes part with a
     * partner of its own: both are registered first, 東京都 with its programme {@code renkei/a} and the
     * programme's terms, and, where {@code adopted}, the project. {@code {target}} and
     * {@code {partner}} in the body and the path's tail stand for their codes.
     */
    private AccessMatrix.Row jointProject(String endpoint, Map<Caller, Integer> statuses, String tail,
            Map<String, Object> body, boolean adopted) {
        return new AccessMatrix.Row(endpoint, statuses, AccessMatrix.Kind.WRITES, (client, target) -> client.put()
                .uri(PROJECT_PATH + target + tail.replace("{target}", target.value()))
                .contentType(MediaType.APPLICATION_JSON).body(withCodes(body, target)).exchange(),
                target -> {
                    register(target);
                    register(partnerOf(target));
                    RestTestClient metro = matrix.clientOf(Caller.METRO_EDITOR, target);
                    registerTokyoWithItsProgramme(metro);
                    if (adopted) {
                        metro.put().uri(PROJECT_PATH + target).contentType(MediaType.APPLICATION_JSON)
                                .body(withCodes(Map.of("programme", Map.of("planId", "renkei", "itemId", "a"),
                                        "title", "連携事業", "leadMunicipality", "{target}",
                                        "municipalities", List.of("{target}", "{partner}"), "fiscalYear", "R7"),
                                        target)).exchange().expectStatus().isOk();
                    }
                });
    }

    /**
     * An endpoint of 東京都's consultation case {@code c<target>}, for the target: the target and
     * 東京都 are registered first and, where {@code opened}, the case by the desk.
     */
    private AccessMatrix.Row consultation(String endpoint, Map<Caller, Integer> statuses, String tail,
            Map<String, Object> body, boolean opened) {
        return new AccessMatrix.Row(endpoint, statuses, AccessMatrix.Kind.WRITES, (client, target) -> client.put()
                .uri(CASE_PATH + target + tail).contentType(MediaType.APPLICATION_JSON)
                .body(withCodes(body, target)).exchange(),
                target -> {
                    register(target);
                    RestTestClient metro = matrix.clientOf(Caller.METRO_EDITOR, target);
                    registerTokyoWithItsProgramme(metro);
                    if (opened) {
                        metro.put().uri(CASE_PATH + target).contentType(MediaType.APPLICATION_JSON)
                                .body(Map.of("municipality", target.value(), "question", "補助金はないか"))
                                .exchange().expectStatus().isOk();
                    }
                });
    }

    private static final String CASE_PATH = "/municipalities/" + MunicipalityCode.TOKYO_METROPOLITAN_GOVERNMENT
            + "/consultations/c";

    private static final String PROJECT_PATH = "/municipalities/" + MunicipalityCode.TOKYO_METROPOLITAN_GOVERNMENT
            + "/joint-projects/p";

    private void registerTokyoWithItsProgramme(RestTestClient metro) {
        MunicipalityCode tokyo = MunicipalityCode.TOKYO_METROPOLITAN_GOVERNMENT;
        matrix.clientOf(Caller.ADMIN, tokyo).post().uri("/municipalities").contentType(MediaType.APPLICATION_JSON)
                .body(registrationOf(tokyo)).exchange();
        metro.post().uri("/municipalities/{code}/plans", tokyo.value()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("id", "renkei", "name", "多摩振興", "fromFiscalYear", "R5", "toFiscalYear", "R8"))
                .exchange();
        metro.post().uri("/municipalities/{code}/plans/renkei/items", tokyo.value())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("id", "a", "content", Map.of("number", "1",
                        "title", "多様な主体との連携活動促進支援事業", "responsibleOrganisations", List.of()))).exchange();
        metro.put().uri("/municipalities/{code}/plans/renkei/items/a/subsidy-terms", tokyo.value())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("fromFiscalYear", "R5", "maxYears", 3,
                        "projectCapYen", 20_000_000, "firstYearCapYen", 10_000_000, "rate", "2/3"))
                .exchange().expectStatus().isOk();
    }

    /** The partner of a target in its project: a municipality of its own. */
    private static MunicipalityCode partnerOf(MunicipalityCode target) {
        return PARTNERS.computeIfAbsent(target, code -> freshCode());
    }

    private static Map<String, Object> withCodes(Map<String, Object> body, MunicipalityCode target) {
        Map<String, Object> replaced = new HashMap<>();
        body.forEach((key, value) -> replaced.put(key, value instanceof List<?> list
                ? list.stream().map(entry -> withCode(entry, target)).toList() : withCode(value, target)));
        return replaced;
    }

    private static Object withCode(Object value, MunicipalityCode target) {
        return "{target}".equals(value) ? target.value()
                : "{partner}".equals(value) ? partnerOf(target).value() : value;
    }

    /** A settings endpoint: the target is registered first, as an admin would. */
    private AccessMatrix.Row setting(String endpoint, Map<String, Object> body) {
        String path = endpoint.substring("PUT ".length());
        return new AccessMatrix.Row(endpoint, Caller.editorsOfTarget(200), AccessMatrix.Kind.WRITES,
                (client, target) -> client.put().uri(path, target.value())
                        .contentType(MediaType.APPLICATION_JSON).body(body).exchange(),
                this::register);
    }

    /** Registers the municipality and records a council meeting of it, as an editor would. */
    private void registerWithAMeeting(MunicipalityCode target) {
        register(target);
        matrix.clientOf(Caller.EDITOR_OF_TARGET, target).put()
                .uri("/municipalities/{code}/council-meetings/m", target.value())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("fiscalYear", "R5", "council", "審議会", "heldOn", "2024-06-20")).exchange()
                .expectStatus().isOk();
    }

    /** Registers the municipality, as an admin would before anything is recorded for it. */
    private void register(MunicipalityCode target) {
        matrix.clientOf(Caller.ADMIN, target).post().uri("/municipalities")
                .contentType(MediaType.APPLICATION_JSON).body(registrationOf(target)).exchange()
                .expectStatus().isCreated();
    }

    @Test
    void everyEndpointOfTheServiceHasARow() {
        AccessMatrix.assertCoversEveryEndpoint(context, rows());
    }

    /** Each call about a municipality of its own, registered by nobody yet. */
    @TestFactory
    Stream<DynamicTest> everyCallerGetsTheStatusOfItsRowAndARefusedWriteStoresNothing() {
        return matrix.tests(rows(), CommandApiAccessTest::freshCode, this::eventsOf);
    }

    @ParameterizedTest
    @EnumSource(TestTokens.Broken.class)
    void aBrokenTokenIsUnauthenticatedAndStoresNothing(TestTokens.Broken broken) {
        MunicipalityCode target = freshCode();

        anonymous.post().uri("/municipalities")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + broken.token())
                .contentType(MediaType.APPLICATION_JSON)
                .body(registrationOf(target))
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
        anonymous.get().uri("/actuator/info").exchange()
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
        MunicipalityCode target = freshCode();

        matrix.clientOf(Caller.EDITOR_OF_TARGET, target).post().uri("/municipalities")
                .contentType(MediaType.APPLICATION_JSON)
                .body(registrationOf(target))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:shinko:problem:forbidden")
                .jsonPath("$.detail").isEqualTo("matrix-editor (municipal-editor of " + target
                        + ") may not register a municipality; only an admin may");
    }

    private int eventsOf(MunicipalityCode municipality) {
        return jdbc.sql("select count(*) from event_store.domain_event_entry where municipality_code = ? "
                        + "or aggregate_identifier in (?, ?)")
                .param(municipality.value()).param(MunicipalityCode.TOKYO_METROPOLITAN_GOVERNMENT + ":project:p"
                        + municipality).param(MunicipalityCode.TOKYO_METROPOLITAN_GOVERNMENT + ":consultation:c"
                        + municipality).query(Integer.class).single();
    }

    private static Map<String, String> registrationOf(MunicipalityCode code) {
        return Map.of("code", code.value(), "name", "試験市", "romanisedName", "Shiken");
    }

    private static MunicipalityCode freshCode() {
        String digits = Integer.toString(NEXT_CODE.getAndIncrement());
        return MunicipalityCode.of(digits + MunicipalityCode.checkDigit(digits));
    }
}
