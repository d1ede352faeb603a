package jp.shinko.command.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import jp.shinko.command.CommandServiceTest;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.infra.seeds.SeedLoader;
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
 * Tama's seven KPIs, with all five kinds of target the seed shows, and its first three measure
 * sheets (seeds/000… in shared-events' test resources) entered through the REST API by the seed
 * loader, under their 方向性 and its two 基本方針, and the two other 方向性 the KPIs answer to (five
 * more items); then
 * the census figures as they are published, and the rules a KPI entry must keep.
 */
@CommandServiceTest
class TamaSheetsTest {

    private static final String TAMA = "132241";
    private static final String PLAN = "/municipalities/" + TAMA + "/plans/master-2025";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    RestTestClient clerk;

    @BeforeEach
    void setUp() {
        clerk = RestTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.of(new Actor("tama-clerk",
                        Role.MUNICIPAL_EDITOR, MunicipalityCode.of(TAMA), null)))
                .build();
    }

    @Test
    void theSevenKpisAndThreeSheetsGoInAndAFigureIsRecordedWhenPublished() {
        register(TAMA);
        new SeedLoader(URI.create("http://localhost:" + port), code -> TestTokens.of(new Actor("tama-clerk",
                Role.MUNICIPAL_EDITOR, MunicipalityCode.of(code), null))).loadTama();
        send("POST", PLAN + "/kpis/establishments/observations", Map.of(
                "figure", Map.of("value", 3550, "fromYear", 2024), "publishedOn", "2025-12-19"));

        assertThat(eventTypeCounts()).containsExactlyInAnyOrderEntriesOf(Map.of("MunicipalityRegistered", 1,
                "OrganisationRegistered", 12, "PlanAdopted", 1, "KpiDefined", 7,
                "PlanItemAdded", 8, "NarrativeRevised", 6, "KpiObservationRecorded", 1));
        assertThat(jdbc.sql("""
                        select convert_from(payload, 'UTF8')::jsonb -> 'target' ->> 'kind'
                        from event_store.domain_event_entry
                        where municipality_code = ? and payload_type = 'KpiDefined' order by global_index""")
                .param(TAMA).query(String.class).list())
                .containsExactly("at-least", "at-least", "at-least", null, "above-kpi", "sign", "direction");
    }

    @Test
    void kpiEntriesBreakingARuleAreRefusedNamingTheField() {
        String code = "122076";
        String plan = "/municipalities/" + code + "/plans/p";
        register(code);
        RestTestClient editor = clerk.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.of(
                new Actor("clerk", Role.MUNICIPAL_EDITOR, MunicipalityCode.of(code), null))).build();
        editor.post().uri("/municipalities/" + code + "/plans").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("id", "p", "name", "計画", "fromFiscalYear", "R7", "toFiscalYear", "R16")).exchange()
                .expectStatus().isCreated();
        Map<String, Object> baseline = Map.of("value", 6.12, "fromYear", 2016, "toYear", 2021);

        put(editor, plan + "/kpis/opening-rate", Map.of("name", "開業率", "unit", "%", "baseline", baseline,
                "target", Map.of("kind", "above-kpi", "otherKpiId", "closing-rate", "fromYear", 2031, "byYear", 2034)))
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.field").isEqualTo("target.otherKpiId");
        put(editor, plan + "/kpis/x", Map.of("name", "x", "unit", "%", "baseline", baseline,
                "target", Map.of("kind", "more", "byYear", 2034)))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("target.kind");
        put(editor, plan + "/kpis/x", Map.of("name", "x", "unit", "%", "baseline", Map.of("value", 1, "fromYear",
                2021, "toYear", 2016)))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("baseline");
        put(editor, plan + "/kpis/x", Map.of("name", "x", "unit", "%"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("baseline");
        editor.post().uri(plan + "/kpis/none/observations").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("figure", Map.of("value", 1, "fromYear", 2024), "publishedOn", "2025-12-19")).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.field").isEqualTo("kpiId");
        editor.post().uri(plan + "/kpis/none/observations").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("figure", Map.of("value", 1, "fromYear", 2024), "publishedOn", "19/12/2025")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("publishedOn");

        assertThat(jdbc.sql("select count(*) from event_store.domain_event_entry where municipality_code = ?")
                .param(code).query(Integer.class).single()).as("registration and plan only").isEqualTo(2);
    }

    private void register(String code) {
        clerk.post().uri("/municipalities")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("code", code, "name", "多摩市", "romanisedName", "Tama"))
                .exchange().expectStatus().isCreated();
    }

    private RestTestClient.ResponseSpec put(RestTestClient client, String path, Object body) {
        return client.put().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    private void send(String method, String path, Object body) {
        (method.equals("PUT") ? clerk.put() : clerk.post()).uri(path)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().is2xxSuccessful();
    }

    private Map<String, Integer> eventTypeCounts() {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.sql("select payload_type, count(*) as n from event_store.domain_event_entry where municipality_code = ? "
                        + "group by payload_type").param(TAMA)
                .query((row, number) -> counts.put(row.getString("payload_type"), row.getInt("n"))).list();
        return counts;
    }
}
