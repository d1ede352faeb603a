package jp.shinko.command.jointproject;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.shinko.command.CommandServiceTest;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.infra.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The Metropolitan Government adopts joint projects of several municipalities and decides their
 * subsidies within the programme's terms (seed 003: 最長3年間, 1事業2,000万円 ※初年度は1,000万円,
 * 補助率 2/3); each municipality taking part reports its own part of the results, and no one else.
 */
@CommandServiceTest
class JointProjectApiTest {

    private static final String TOKYO = MunicipalityCode.TOKYO_METROPOLITAN_GOVERNMENT.value();
    /** Cities of Yamanashi's (19), which no other test registers. */
    private static final String LEAD = code("19208");
    private static final String PARTNER = code("19209");
    private static final String OTHER_PARTNER = code("19210");
    private static final String OUTSIDER = code("19211");
    private static final String PLAN = "renkei-test";
    private static final String PROJECTS = "/municipalities/" + TOKYO + "/joint-projects/";

    private static final String METRO = TestTokens.of(Actor.of("tomoko", Role.METRO_EDITOR));

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    RestTestClient client;

    @BeforeEach
    void setUp() {
        client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        register(TOKYO, "東京都", "Tokyo");
        register(LEAD, "代表市", "Lead");
        register(PARTNER, "連携町", "Partner");
        register(OTHER_PARTNER, "連携村", "Other partner");
        register(OUTSIDER, "参加しない市", "Outsider");
        post("/municipalities/" + TOKYO + "/plans", Map.of("id", PLAN, "name", "多摩振興",
                "fromFiscalYear", "R6", "toFiscalYear", "R8"), METRO);
        post("/municipalities/" + TOKYO + "/plans/" + PLAN + "/items", Map.of("id", "renkei",
                "content", Map.of("number", "1", "title", "多様な主体との連携活動促進支援事業",
                        "responsibleOrganisations", List.of())), METRO);
        put("/municipalities/" + TOKYO + "/plans/" + PLAN + "/items/renkei/subsidy-terms", Map.of(
                "fromFiscalYear", "R6", "maxYears", 3, "projectCapYen", 20_000_000, "firstYearCapYen", 10_000_000,
                "rate", "2/3"), METRO).expectStatus().isOk();
    }

    @Test
    void theSubsidyIsTheRateOfTheCostWithinTheFirstYearsCapAndWhatRemainsOfTheProjectsCap() {
        adopt("subsidy-examples", "R6");

        assertThat(decide("subsidy-examples", "R6", 18_000_000, null)).isEqualTo(10_000_000);
        assertThat(decide("subsidy-examples", "R7", 12_000_000, null)).isEqualTo(8_000_000);
        put(PROJECTS + "subsidy-examples/subsidies/R8", Map.of("eligibleCostYen", 6_000_000, "grantYen", 4_000_000),
                METRO).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.field").isEqualTo("grantYen")
                .jsonPath("$.limit").isEqualTo("PROJECT_CAP")
                .jsonPath("$.allowedYen").isEqualTo(2_000_000);
        assertThat(decide("subsidy-examples", "R8", 6_000_000, null)).as("the third year is cut to what remains")
                .isEqualTo(2_000_000);
        put(PROJECTS + "subsidy-examples/subsidies/2027", Map.of("eligibleCostYen", 3_000_000), METRO)
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.limit").isEqualTo("PERIOD").jsonPath("$.maxYears").isEqualTo(3);
        assertThat(grants("subsidy-examples")).containsExactly(10_000_000L, 8_000_000L, 2_000_000L);
    }

    @Test
    void aFirstYearGrantIsTwoThirdsOfTheCost() {
        adopt("first-year", "R8");

        assertThat(decide("first-year", "R8", 12_000_000, null)).isEqualTo(8_000_000);
        put(PROJECTS + "first-year/subsidies/R8", Map.of("eligibleCostYen", 12_000_000, "grantYen", 9_000_000,
                "correctionReason", "増額"), METRO).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.limit").isEqualTo("RATE").jsonPath("$.allowedYen").isEqualTo(8_000_000);
        put(PROJECTS + "first-year/subsidies/R8", Map.of("eligibleCostYen", 15_000_000, "grantYen", 9_000_000),
                METRO).expectStatus().isEqualTo(422).expectBody().jsonPath("$.field").isEqualTo("correctionReason");
        put(PROJECTS + "first-year/subsidies/R7", Map.of("eligibleCostYen", 1_000), METRO)
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.field").isEqualTo("fiscalYear");
        assertThat(grants("first-year")).containsExactly(8_000_000L);
    }

    @Test
    void aProjectThatBreaksARuleIsRefusedAndNothingIsStored() {
        long before = projectEvents();

        put(PROJECTS + "bad", project(LEAD, List.of(LEAD), "R8"), METRO).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.field").isEqualTo("municipalities").jsonPath("$.minimum").isEqualTo(2);
        put(PROJECTS + "bad", project(OUTSIDER, List.of(LEAD, PARTNER), "R8"), METRO).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.field").isEqualTo("leadMunicipality");
        String wrongCheckDigit = "19209" + (MunicipalityCode.checkDigit("19209") + 1) % 10;
        put(PROJECTS + "bad", project(LEAD, List.of(LEAD, wrongCheckDigit), "R8"), METRO).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("municipalities[1]");
        put(PROJECTS + "bad", project(LEAD, List.of(LEAD, code("19299")), "R8"), METRO)
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.field").isEqualTo("municipalities[1]");
        put(PROJECTS + "bad", project(LEAD, List.of(LEAD, TOKYO), "R8"), METRO).expectStatus().isEqualTo(422);
        Map<String, Object> noProgramme = project(LEAD, List.of(LEAD, PARTNER), "R8");
        noProgramme.put("programme", Map.of("planId", PLAN, "itemId", "missing"));
        put(PROJECTS + "bad", noProgramme, METRO).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.field").isEqualTo("programme");
        put(PROJECTS + "bad", project(LEAD, List.of(LEAD, PARTNER), "R8"), editorOf(LEAD))
                .expectStatus().isForbidden();
        put("/municipalities/" + LEAD + "/joint-projects/bad", project(LEAD, List.of(LEAD, PARTNER), "R8"),
                editorOf(LEAD)).expectStatus().isEqualTo(422);

        assertThat(projectEvents()).isEqualTo(before);
    }

    @Test
    void eachMunicipalityReportsOnlyItsOwnPartAndOnlyIfItTakesPart() {
        adopt("results", "R7");
        Map<String, Object> results = Map.of("results", "ひきこもりUX女子会実施（10回）\n・多摩地域ネットワーク会議の実施（8回）",
                "figures", List.of(Map.of("label", "ひきこもりUX女子会", "value", 10, "unit", "回")));
        String part = PROJECTS + "results/results/R7/";

        put(part + LEAD, results, editorOf(LEAD)).expectStatus().isOk().expectBody().jsonPath("$.changed")
                .isEqualTo(true);
        put(part + LEAD, results, editorOf(LEAD)).expectStatus().isOk().expectBody().jsonPath("$.changed")
                .isEqualTo(false);
        put(part + PARTNER, Map.of("results", "研修会の実施"), editorOf(PARTNER)).expectStatus().isOk();
        put(part + LEAD, Map.of("results", "書き換え"), editorOf(PARTNER)).expectStatus().isForbidden();
        put(part + OTHER_PARTNER, Map.of("results", "代わりに"), editorOf(PARTNER)).expectStatus().isForbidden();
        put(part + OUTSIDER, Map.of("results", "参加していない"), editorOf(OUTSIDER)).expectStatus().isForbidden();
        put(part + LEAD, Map.of("results", "都が書く"), METRO).expectStatus().isForbidden();
        put(part + LEAD, Map.of("results", "訂正"), editorOf(LEAD)).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.field").isEqualTo("correctionReason");
        put(PROJECTS + "results/results/2099/" + LEAD, results, editorOf(LEAD)).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.field").isEqualTo("fiscalYear");

        assertThat(jdbc.sql("select convert_from(payload, 'UTF8')::jsonb ->> 'part' from "
                        + "event_store.domain_event_entry where aggregate_identifier = ? "
                        + "and payload_type = 'ProjectResultReported' order by sequence_number")
                .param(TOKYO + ":project:results").query(String.class).list()).containsExactly(LEAD, PARTNER);
    }

    private void adopt(String projectId, String fiscalYear) {
        put(PROJECTS + projectId, project(LEAD, List.of(LEAD, PARTNER, OTHER_PARTNER), fiscalYear), METRO)
                .expectStatus().isOk();
    }

    private static Map<String, Object> project(String lead, List<String> municipalities, String fiscalYear) {
        Map<String, Object> project = new HashMap<>();
        project.put("programme", Map.of("planId", PLAN, "itemId", "renkei"));
        project.put("title", "広域連携の試験事業");
        project.put("purpose", "市境を越えた交流");
        project.put("leadMunicipality", lead);
        project.put("municipalities", municipalities);
        project.put("partnerBodies", List.of(Map.of("name", "連携町観光協会", "kind", "観光協会")));
        project.put("fiscalYear", fiscalYear);
        return project;
    }

    private long decide(String projectId, String fiscalYear, long cost, Long grant) {
        Map<String, Object> body = new HashMap<>();
        body.put("eligibleCostYen", cost);
        if (grant != null) {
            body.put("grantYen", grant);
        }
        put(PROJECTS + projectId + "/subsidies/" + fiscalYear, body, METRO).expectStatus().isOk();
        return grants(projectId).get(grants(projectId).size() - 1);
    }

    private List<Long> grants(String projectId) {
        return jdbc.sql("select (convert_from(payload, 'UTF8')::jsonb ->> 'grantYen')::bigint from "
                        + "event_store.domain_event_entry where aggregate_identifier = ? "
                        + "and payload_type = 'SubsidyDecided' order by sequence_number")
                .param(TOKYO + ":project:" + projectId).query(Long.class).list();
    }

    private long projectEvents() {
        return jdbc.sql("select count(*) from event_store.domain_event_entry where aggregate_identifier like ?")
                .param("%:project:%").query(Long.class).single();
    }

    private static String editorOf(String code) {
        return TestTokens.of(new Actor("editor-" + code, Role.MUNICIPAL_EDITOR, MunicipalityCode.of(code), null));
    }

    private static String code(String firstFive) {
        return firstFive + MunicipalityCode.checkDigit(firstFive);
    }

    private void register(String code, String name, String romanisedName) {
        client.post().uri("/municipalities")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin())
                .header("Idempotency-Key", "register-" + code)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("code", code, "name", name, "romanisedName", romanisedName))
                .exchange().expectStatus().value(status -> assertThat(status).isIn(201, 409));
    }

    private void post(String path, Object body, String token) {
        client.post().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().value(status -> assertThat(status).isIn(201, 409));
    }

    private RestTestClient.ResponseSpec put(String path, Object body, String token) {
        return client.put().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }
}
