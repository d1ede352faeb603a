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
 * The Tokyo Metropolitan Government keeps its own programmes with the machinery the cities use,
 * under 東京都's code (130001) and by its own editors (metro-editor), who write nothing of a
 * city's; no city's editor writes 東京都's records.
 */
@CommandServiceTest
class MetropolitanPlanTest {

    private static final String TOKYO = MunicipalityCode.TOKYO_METROPOLITAN_GOVERNMENT.value();
    /** A city of Yamanashi's (19), which no other test registers. */
    private static final String CITY = "19207" + MunicipalityCode.checkDigit("19207");

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
    void aMetroEditorKeepsTheMetropolitanProgrammeAndNoCityEditorDoes() {
        register(TOKYO, "東京都", "Tokyo");
        register(CITY, "山梨県の市", "Yamanashi");
        String metro = TestTokens.of(Actor.of("tomoko", Role.METRO_EDITOR));
        String cityEditor = TestTokens.of(new Actor("alice", Role.MUNICIPAL_EDITOR, MunicipalityCode.of(CITY),
                null));
        Map<String, Object> plan = Map.of("id", "tama-miryoku-2025", "name", "多摩の魅力発信プロジェクト",
                "fromFiscalYear", "R7", "toFiscalYear", "R8");

        send("/municipalities/" + TOKYO + "/plans", plan, cityEditor).expectStatus().isForbidden();
        send("/municipalities/" + CITY + "/plans", plan, metro).expectStatus().isForbidden();
        send("/municipalities/" + TOKYO + "/plans", plan, metro).expectStatus().isCreated();
        send("/municipalities/" + TOKYO + "/plans/tama-miryoku-2025/items", Map.of("id", "visits",
                "content", Map.of("number", "(1)", "title", "大学生を対象とした市町村事業のPR",
                        "responsibleOrganisations", List.of())), metro).expectStatus().isCreated();

        assertThat(jdbc.sql("select payload_type from event_store.domain_event_entry where municipality_code = ? "
                + "and aggregate_identifier = ? order by global_index").param(TOKYO)
                .param(TOKYO + ":plan:tama-miryoku-2025").query(String.class).list())
                .containsExactly("PlanAdopted", "PlanItemAdded");
    }

    private void register(String code, String name, String romanisedName) {
        client.post().uri("/municipalities")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin())
                .header("Idempotency-Key", "metropolitan-plan-test-" + code)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("code", code, "name", name, "romanisedName", romanisedName))
                .exchange().expectStatus().value(status -> assertThat(status).as("registered here or by another test")
                        .isIn(201, 409));
    }

    private RestTestClient.ResponseSpec send(String path, Object body, String token) {
        return client.post().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }
}
