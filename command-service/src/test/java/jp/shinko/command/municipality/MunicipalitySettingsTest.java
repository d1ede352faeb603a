package jp.shinko.command.municipality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import jp.shinko.command.CommandServiceTest;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.infra.eventstore.ReadYourWrites;
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
 * A municipality's own rules through the REST API, on real PostgreSQL: each adoption is an event
 * naming who adopted it, a retry stores nothing, and every broken rule is a 400 naming the field
 * with nothing stored. Codes here are Saitama's (11), which no other test uses.
 */
@CommandServiceTest
class MunicipalitySettingsTest {

    private static final Map<String, Object> DEFAULT_SCHEME = Map.of("fromFiscalYear", "令和5", "bands", List.of(
            Map.of("label", "S", "description", "目標値以上", "minimumPercent", 120),
            Map.of("label", "A", "description", "目標値どおり", "minimumPercent", 90),
            Map.of("label", "B", "description", "要改善", "minimumPercent", 50, "minimumIncluded", false),
            Map.of("label", "C", "description", "要大幅改善")));

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    RestTestClient anonymous;

    @BeforeEach
    void setUp() {
        anonymous = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void anEditorAdoptsARatingSchemeFromAFiscalYearAndARetryStoresNothing() {
        String code = registered("112011", "川越市");

        put(editorOf(code), "/municipalities/" + code + "/rating-scheme", DEFAULT_SCHEME)
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.municipalityCode").isEqualTo(code)
                .jsonPath("$.changed").isEqualTo(true);
        put(editorOf(code), "/municipalities/" + code + "/rating-scheme", DEFAULT_SCHEME)
                .expectStatus().isOk()
                .expectBody().jsonPath("$.changed").isEqualTo(false);

        Map<String, Object> stored = jdbc.sql("""
                        select convert_from(payload, 'UTF8') as payload,
                               convert_from(meta_data, 'UTF8')::jsonb ->> 'actorSubject' as actor
                        from event_store.domain_event_entry
                        where aggregate_identifier = ? and payload_type = 'RatingSchemeAdopted'""")
                .param(code).query().singleRow();
        assertThat(stored.get("payload")).isEqualTo("{\"municipalityCode\":\"" + code + "\",\"fromFiscalYear\":2023,"
                + "\"scheme\":{\"bands\":[{\"label\":\"S\",\"description\":\"目標値以上\",\"minimumPercent\":120,"
                + "\"minimumIncluded\":true},{\"label\":\"A\",\"description\":\"目標値どおり\",\"minimumPercent\":90,"
                + "\"minimumIncluded\":true},{\"label\":\"B\",\"description\":\"要改善\",\"minimumPercent\":50,"
                + "\"minimumIncluded\":false},{\"label\":\"C\",\"description\":\"要大幅改善\","
                + "\"minimumIncluded\":false}]}}");
        assertThat(stored.get("actor")).isEqualTo("clerk-" + code);
    }

    @Test
    void anEditorAdoptsAStatusLegendAndReasonCodes() {
        String code = registered("112020", "熊谷市");

        put(editorOf(code), "/municipalities/" + code + "/status-legend", Map.of("symbols", List.of(
                Map.of("symbol", "○", "meaning", "進捗あり"),
                Map.of("symbol", "△", "meaning", "遅れ・課題あり", "reasonRequiredInFourthQuarter", true))))
                .expectStatus().isOk().expectBody().jsonPath("$.changed").isEqualTo(true);
        put(editorOf(code), "/municipalities/" + code + "/reason-codes", Map.of("reasons", List.of(
                Map.of("code", "1", "label", "予算の都合"), Map.of("code", "2", "label", "その他"))))
                .expectStatus().isOk().expectBody().jsonPath("$.changed").isEqualTo(true);

        assertThat(eventTypesOf(code))
                .containsExactly("MunicipalityRegistered", "StatusLegendAdopted", "ReasonCodesAdopted");
    }

    @Test
    void bandsThatDoNotDescendAreRefusedNamingTheBandAndNothingIsStored() {
        String code = registered("112038", "川口市");

        put(editorOf(code), "/municipalities/" + code + "/rating-scheme", Map.of("fromFiscalYear", "2025",
                "bands", List.of(Map.of("label", "A", "minimumPercent", 90),
                        Map.of("label", "S", "minimumPercent", 120), Map.of("label", "C"))))
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:shinko:problem:invalid-request")
                .jsonPath("$.errors[0].field").isEqualTo("bands[1].minimumPercent")
                .jsonPath("$.errors[0].rejectedValue").isEqualTo(120)
                .jsonPath("$.errors[0].message")
                .isEqualTo("bands go from the highest rating down, so this minimum must be below 90");

        assertThat(eventTypesOf(code)).containsExactly("MunicipalityRegistered");
    }

    @Test
    void aFiscalYearInAnotherEraIsRefusedSayingHowToWriteOne() {
        String code = registered("112062", "行田市");

        put(editorOf(code), "/municipalities/" + code + "/rating-scheme", Map.of("fromFiscalYear", "S30",
                "bands", DEFAULT_SCHEME.get("bands")))
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("fromFiscalYear")
                .jsonPath("$.errors[0].message").isEqualTo("a fiscal year from 1989 (平成元年度) to 2099 is expected, "
                        + "not 1955");

        assertThat(eventTypesOf(code)).containsExactly("MunicipalityRegistered");
    }

    @Test
    void aLegendWithASymbolTwiceAndReasonsWithoutLabelsAreRefused() {
        String code = registered("112071", "秩父市");

        put(editorOf(code), "/municipalities/" + code + "/status-legend", Map.of("symbols", List.of(
                Map.of("symbol", "○", "meaning", "進捗あり"), Map.of("symbol", "○", "meaning", "完了"))))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("symbols[1].symbol");
        put(editorOf(code), "/municipalities/" + code + "/reason-codes", Map.of("reasons", List.of(
                Map.of("code", "2"))))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reasons[0].label");
        put(editorOf(code), "/municipalities/" + code + "/reason-codes", Map.of())
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reasons");

        assertThat(eventTypesOf(code)).containsExactly("MunicipalityRegistered");
    }

    @Test
    void anAnswerThatStoredAnEventGivesItsPositionForReadingTheWriteAndOtherAnswersNone() {
        String code = registered("112101", "加須市");

        String position = put(editorOf(code), "/municipalities/" + code + "/rating-scheme", DEFAULT_SCHEME)
                .expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst(ReadYourWrites.POSITION_HEADER);
        assertThat(position).isEqualTo(jdbc.sql("select global_index::text from event_store.domain_event_entry "
                + "where aggregate_identifier = ? and payload_type = 'RatingSchemeAdopted'").param(code)
                .query(String.class).single());

        put(editorOf(code), "/municipalities/" + code + "/rating-scheme", DEFAULT_SCHEME)
                .expectStatus().isOk()
                .expectHeader().doesNotExist(ReadYourWrites.POSITION_HEADER);
        put(editorOf(code), "/municipalities/" + code + "/reason-codes", Map.of())
                .expectStatus().isBadRequest()
                .expectHeader().doesNotExist(ReadYourWrites.POSITION_HEADER);
    }

    @Test
    void anEditorAdoptsReportingDeadlinesWithinAYear() {
        String code = registered("112119", "本庄市");

        put(editorOf(code), "/municipalities/" + code + "/reporting-deadlines",
                Map.of("quarterlyStatusDays", 45, "annualActualDays", 366))
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("annualActualDays")
                .jsonPath("$.errors[0].message").isEqualTo("a report falls due 0 to 365 days after its period ends");
        put(editorOf(code), "/municipalities/" + code + "/reporting-deadlines", Map.of("quarterlyStatusDays", 45))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("annualActualDays");
        put(editorOf(code), "/municipalities/" + code + "/reporting-deadlines",
                Map.of("quarterlyStatusDays", 30, "annualActualDays", 90))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.changed").isEqualTo(false);
        put(editorOf(code), "/municipalities/" + code + "/reporting-deadlines",
                Map.of("quarterlyStatusDays", 45, "annualActualDays", 60))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.changed").isEqualTo(true);

        assertThat(eventTypesOf(code)).containsExactly("MunicipalityRegistered", "ReportingDeadlinesAdopted");
    }

    @Test
    void aMunicipalityNobodyRegisteredHasNoSettingsToChange() {
        put(editorOf("112089"), "/municipalities/112089/reason-codes", Map.of("reasons", List.of(
                Map.of("code", "2", "label", "その他"))))
                .expectStatus().isNotFound()
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:shinko:problem:not-found")
                .jsonPath("$.recordId").isEqualTo("112089");

        assertThat(eventTypesOf("112089")).isEmpty();
    }

    @Test
    void anEditorBoundToAnOrganisationMayNotChangeTheCitysRules() {
        String code = registered("112097", "所沢市");
        String chamber = TestTokens.of(new Actor("chamber-clerk", Role.MUNICIPAL_EDITOR, MunicipalityCode.of(code),
                "商工会議所"));

        put(chamber, "/municipalities/" + code + "/rating-scheme", DEFAULT_SCHEME)
                .expectStatus().isForbidden()
                .expectBody()
                .jsonPath("$.detail").isEqualTo("chamber-clerk (municipal-editor of " + code + ", 商工会議所) may change "
                        + "only 商工会議所's items; municipality " + code + "'s own settings are changed by its editors "
                        + "who are not bound to one organisation");

        assertThat(eventTypesOf(code)).containsExactly("MunicipalityRegistered");
    }

    @Test
    void aMalformedCodeInThePathIsABadRequestNamingIt() {
        put(editorOf("112011"), "/municipalities/11201/reason-codes", Map.of("reasons", List.of(
                Map.of("code", "2", "label", "その他"))))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("code");
    }

    private String registered(String code, String name) {
        anonymous.post().uri("/municipalities")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("code", code, "name", name, "romanisedName", "Saitama"))
                .exchange()
                .expectStatus().isCreated();
        return code;
    }

    private static String editorOf(String code) {
        return TestTokens.of(new Actor("clerk-" + code, Role.MUNICIPAL_EDITOR, MunicipalityCode.of(code), null));
    }

    private RestTestClient.ResponseSpec put(String token, String path, Object body) {
        return anonymous.put().uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange();
    }

    private List<String> eventTypesOf(String code) {
        return jdbc.sql("select payload_type from event_store.domain_event_entry where aggregate_identifier = ? "
                + "order by sequence_number").param(code).query(String.class).list();
    }
}
