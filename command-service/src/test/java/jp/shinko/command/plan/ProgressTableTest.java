package jp.shinko.command.plan;

import static org.assertj.core.api.Assertions.assertThat;

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
 * A whole progress table in one request ({@code POST .../plans/{planId}/progress}): each item's
 * rows are recorded together or not at all, a refused item names its row and does not stop
 * the others, sending the same table again changes nothing, and a table whose every item is
 * refused stores nothing. Chiba codes (12), one per test.
 */
@CommandServiceTest
class ProgressTableTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    RestTestClient client;

    @BeforeEach
    void setUp() {
        client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void eachItemIsRecordedWholeOrRefusedWithItsRowNamedAndTheSameTableAgainChangesNothing() {
        String code = "122131";
        planWithItems(code, "a", "b");
        Map<String, Object> table = Map.of("items", List.of(
                Map.of("itemId", "a", "entries", List.of(
                        Map.of("kind", "target", "fiscalYear", "R5", "value", 20, "unit", "人"),
                        Map.of("kind", "actual", "fiscalYear", "2023", "value", 18, "unit", "人"),
                        Map.of("kind", "status", "fiscalYear", "R5", "quarter", "1期", "organisation", "商工観光課",
                                "symbol", "○"),
                        Map.of("kind", "narrative", "fiscalYear", "R5", "results", "3回開催", "issuesAhead", "周知"))),
                Map.of("itemId", "b", "entries", List.of(
                        Map.of("kind", "target", "fiscalYear", "R5", "value", 5, "unit", "人"),
                        Map.of("kind", "status", "fiscalYear", "R5", "quarter", "2", "organisation", "商工観光課",
                                "symbol", "★")))));

        enter(code, table).expectStatus().isOk().expectBody()
                .jsonPath("$.itemsRecorded").isEqualTo(1)
                .jsonPath("$.itemsRefused").isEqualTo(1)
                .jsonPath("$.entriesChanged").isEqualTo(4)
                .jsonPath("$.items[0].outcome").isEqualTo("recorded")
                .jsonPath("$.items[0].entries[3].kind").isEqualTo("narrative")
                .jsonPath("$.items[0].entries[3].changed").isEqualTo(true)
                .jsonPath("$.items[0].entries[3].version").isEqualTo(2)
                .jsonPath("$.items[1].outcome").isEqualTo("refused")
                .jsonPath("$.items[1].problem.type").isEqualTo("urn:shinko:problem:rule-violated")
                .jsonPath("$.items[1].problem.field").isEqualTo("symbol")
                .jsonPath("$.items[1].problem.entry").isEqualTo("items[1].entries[1]");
        assertThat(progressEvents(code)).containsExactly("AnnualTargetSet a", "AnnualActualRecorded a",
                "PeriodStatusRecorded a", "NarrativeRevised a", "NarrativeRevised a");

        enter(code, table).expectStatus().isOk().expectBody()
                .jsonPath("$.entriesChanged").isEqualTo(0)
                .jsonPath("$.items[0].entries[0].changed").isEqualTo(false)
                .jsonPath("$.items[0].entries[0].version").isEqualTo(1);
        assertThat(progressEvents(code)).hasSize(5);
    }

    @Test
    void aTableWhoseEveryItemIsRefusedStoresNothingAndNamesEachRow() {
        String code = "122149";
        planWithItems(code, "a", "b");

        enter(code, Map.of("items", List.of(
                Map.of("itemId", "a", "entries", List.of(
                        Map.of("kind", "target", "fiscalYear", "R5", "value", 20, "unit", "人"),
                        Map.of("kind", "actual", "fiscalYear", "R5", "value", -1, "unit", "人"))),
                Map.of("itemId", "b", "entries", List.of(
                        Map.of("kind", "target", "fiscalYear", "R5", "value", 5, "unit", "人"),
                        Map.of("kind", "target", "fiscalYear", "2023", "value", 6, "unit", "人"))),
                Map.of("itemId", "zz", "entries", List.of(
                        Map.of("kind", "forecast", "fiscalYear", "R5"))),
                Map.of("itemId", "a2", "entries", List.of(
                        Map.of("kind", "target", "fiscalYear", "R5", "value", 5, "unit", "人"))))))
                .expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.type").isEqualTo("urn:shinko:problem:nothing-recorded")
                .jsonPath("$.items[0].problem.errors[0].field").isEqualTo("items[0].entries[1].value")
                .jsonPath("$.items[1].problem.errors[0].field").isEqualTo("items[1].entries[1]")
                .jsonPath("$.items[2].problem.errors[0].field").isEqualTo("items[2].entries[0].kind")
                .jsonPath("$.items[3].problem.field").isEqualTo("itemId")
                .jsonPath("$.items[3].problem.entry").isEqualTo("items[3].entries[0]");
        assertThat(progressEvents(code)).isEmpty();
    }

    @Test
    void aTableWithoutItemsOrWithAnItemTwiceIsABadRequest() {
        String code = "122157";
        planWithItems(code, "a");

        enter(code, Map.of("items", List.of())).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("items");
        Map<String, Object> rows = Map.of("itemId", "a", "entries", List.of(
                Map.of("kind", "target", "fiscalYear", "R5", "value", 20, "unit", "人")));
        enter(code, Map.of("items", List.of(rows, rows))).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("items[1].itemId");
        assertThat(progressEvents(code)).isEmpty();
    }

    @Test
    void anEditorBoundToAnOrganisationHasOnlyItsOwnItemsRecorded() {
        String code = "122165";
        planWithItems(code, "a");
        post(code, "/plans/p/items", editorOf(code), Map.of("id", "other", "content", Map.of("number", "9",
                "title", "観光", "responsibleOrganisations", List.of("観光課")))).expectStatus().isCreated();
        put(code, "/plans/p/items/other/indicator", Map.of("name", "来訪者数", "unit", "人")).expectStatus().isOk();
        String bound = TestTokens.of(new Actor("shoko-clerk", Role.MUNICIPAL_EDITOR, MunicipalityCode.of(code),
                "商工観光課"));

        post(code, "/plans/p/progress", bound, Map.of("items", List.of(
                Map.of("itemId", "a", "entries", List.of(
                        Map.of("kind", "target", "fiscalYear", "R5", "value", 20, "unit", "人"))),
                Map.of("itemId", "other", "entries", List.of(
                        Map.of("kind", "target", "fiscalYear", "R5", "value", 900, "unit", "人"))))))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].outcome").isEqualTo("recorded")
                .jsonPath("$.items[1].problem.status").isEqualTo(403)
                .jsonPath("$.items[1].problem.type").isEqualTo("urn:shinko:problem:forbidden");
        assertThat(progressEvents(code)).containsExactly("AnnualTargetSet a");
    }

    private void planWithItems(String code, String... items) {
        client.post().uri("/municipalities")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("code", code, "name", "千葉県の市", "romanisedName", "Chiba"))
                .exchange().expectStatus().isCreated();
        post(code, "/plans", editorOf(code), Map.of("id", "p", "name", "商工業振興プラン", "fromFiscalYear", "R5",
                "toFiscalYear", "R8")).expectStatus().isCreated();
        for (int i = 0; i < items.length; i++) {
            post(code, "/plans/p/items", editorOf(code), Map.of("id", items[i], "content", Map.of("number",
                    String.valueOf(i + 1), "title", "創業塾 " + items[i], "responsibleOrganisations", List.of("商工観光課"))))
                    .expectStatus().isCreated();
            put(code, "/plans/p/items/" + items[i] + "/indicator", Map.of("name", "参加者数", "unit", "人"))
                    .expectStatus().isOk();
        }
    }

    private RestTestClient.ResponseSpec enter(String code, Object table) {
        return post(code, "/plans/p/progress", editorOf(code), table);
    }

    private RestTestClient.ResponseSpec post(String code, String path, String token, Object body) {
        return client.post().uri("/municipalities/" + code + path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    private RestTestClient.ResponseSpec put(String code, String path, Object body) {
        return client.put().uri("/municipalities/" + code + path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + editorOf(code))
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    private static String editorOf(String code) {
        return TestTokens.of(new Actor("clerk", Role.MUNICIPAL_EDITOR, MunicipalityCode.of(code), null));
    }

    /** The progress events stored for the municipality, each as "type itemId", in stored order. */
    private List<String> progressEvents(String code) {
        return jdbc.sql("""
                        select payload_type || ' ' || (convert_from(payload, 'UTF8')::jsonb ->> 'itemId')
                        from event_store.domain_event_entry
                        where municipality_code = ? and payload_type in ('AnnualTargetSet', 'AnnualActualRecorded',
                            'PeriodStatusRecorded', 'NarrativeRevised')
                        order by global_index""")
                .param(code).query(String.class).list();
    }
}
