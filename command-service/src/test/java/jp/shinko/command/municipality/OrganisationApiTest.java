package jp.shinko.command.municipality;

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
 * A municipality's register of organisations through the REST API on real PostgreSQL: aliases
 * from seed 000 (健幸まちづくり担当 in the table, 企画課（健幸まちづくり担当） on the sheet), a name
 * that belongs to one organisation only, renames that keep the former name, and the register
 * deciding which organisation an item's row and a bound editor are. Codes here are Yamanashi's
 * (19), which no other test uses.
 */
@CommandServiceTest
class OrganisationApiTest {

    private static final String KENKO = "健幸まちづくり担当";
    private static final String KENKO_ON_THE_SHEET = "企画課（健幸まちづくり担当）";

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
    void anOrganisationIsRegisteredWithItsAliasesAndRenamedWithAReason() {
        String code = register("19201");
        organisation(code, "kenko", Map.of("name", KENKO, "kind", "担当", "aliases", List.of(KENKO_ON_THE_SHEET)))
                .expectStatus().isOk().expectBody().jsonPath("$.changed").isEqualTo(true);
        organisation(code, "kenko", Map.of("name", KENKO, "kind", "section", "aliases", List.of(KENKO_ON_THE_SHEET)))
                .expectStatus().isOk().expectBody().jsonPath("$.changed").isEqualTo(false);

        organisation(code, "kenko", Map.of("name", "健康づくり担当", "kind", "section")).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.field").isEqualTo("reason");
        organisation(code, "kenko", Map.of("name", "健康づくり担当", "kind", "section", "effectiveOn", "2999-04-01",
                "reason", "組織改正")).expectStatus().isEqualTo(422).expectBody().jsonPath("$.field")
                .isEqualTo("effectiveOn");
        organisation(code, "kenko", Map.of("name", "健康づくり担当", "kind", "section",
                "effectiveOn", "2026-04-01T00:00:00Z", "reason", "組織改正")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").isEqualTo("is a date such as 2024-06-20");
        organisation(code, "kenko", Map.of("name", "健康づくり担当", "kind", "section", "effectiveOn", "2026-04-01",
                "reason", "組織改正")).expectStatus().isOk().expectBody().jsonPath("$.changed").isEqualTo(true);
        organisation(code, "kenko", Map.of("name", "健幸まちづくり担当", "kind", "section", "effectiveOn", "2026-04-01",
                "reason", "戻す")).expectStatus().isEqualTo(422).expectBody().jsonPath("$.earliest")
                .isEqualTo("2026-04-02");

        assertThat(eventTypes(code)).containsExactly("OrganisationRegistered", "OrganisationRevised");
        assertThat(jdbc.sql("select convert_from(payload, 'UTF8') from event_store.domain_event_entry "
                + "where municipality_code = ? and payload_type = 'OrganisationRevised'").param(code)
                .query(String.class).single())
                .isEqualTo("{\"municipalityCode\":\"" + code + "\",\"organisationId\":\"kenko\",\"name\":\"健康づくり担当\","
                        + "\"kind\":\"section\",\"aliases\":[],\"effectiveOn\":\"2026-04-01\",\"reason\":\"組織改正\"}");
    }

    @Test
    void aNameOrAliasOfAnotherOrganisationIsRefusedAndNothingStored() {
        String code = register("19202");
        organisation(code, "kenko", Map.of("name", KENKO, "aliases", List.of(KENKO_ON_THE_SHEET)))
                .expectStatus().isOk();

        organisation(code, "kikaku", Map.of("name", "企画課", "kind", "department",
                "aliases", List.of("企画課(健幸まちづくり担当)")))
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:shinko:problem:rule-violated")
                .jsonPath("$.field").isEqualTo("aliases")
                .jsonPath("$.organisationId").isEqualTo("kenko");
        organisation(code, "kenko-2", Map.of("name", "健幸まちづくり 担当")).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.field").isEqualTo("name");
        organisation(code, "kikaku", Map.of("name", "企画課", "kind", "bureau")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("kind");
        organisation(code, "kikaku", Map.of("name", "企画課", "aliases", List.of("企画課"))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("aliases[0]");
        organisation(code, "kikaku", Map.of("name", "企画課W", "aliases", List.of("ABC課", "ＡＢＣ 課")))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("aliases[1]");
        organisation(code, "企画課", Map.of("name", "企画課")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("organisationId");
        organisation(code, ".hidden", Map.of("name", "企画課")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("organisationId");

        assertThat(eventTypes(code)).containsExactly("OrganisationRegistered");
    }

    @Test
    void theRegisterDecidesWhichOrganisationAnItemsRowAndABoundEditorAre() {
        String code = register("19204");
        organisation(code, "kenko", Map.of("name", KENKO, "aliases", List.of(KENKO_ON_THE_SHEET)))
                .expectStatus().isOk();
        organisation(code, "shokokai", Map.of("name", "商工会", "kind", "outside-body")).expectStatus().isOk();
        organisation(code, "shi", Map.of("name", "市", "kind", "municipality")).expectStatus().isOk();
        send(client.post(), code, "/plans", Map.of("id", "p", "name", "商工業振興プラン", "fromFiscalYear", "R7",
                "toFiscalYear", "R8"), editor(code, null)).expectStatus().isCreated();

        send(client.post(), code, "/plans/p/items", Map.of("id", "a", "content", Map.of("number", "1",
                "title", "中小・小口・マル経", "responsibleOrganisations", List.of("商工会・市"))), editor(code, null))
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.field").isEqualTo("responsibleOrganisations[0]")
                .jsonPath("$.registeredOrganisations[1]").isEqualTo("商工会");
        send(client.post(), code, "/plans/p/items", Map.of("id", "a", "content", Map.of("number", "1",
                "title", "中小・小口・マル経", "responsibleOrganisations", List.of("商工会", "市"))), editor(code, null))
                .expectStatus().isCreated();
        send(client.post(), code, "/plans/p/items", Map.of("id", "b", "content", Map.of("number", "35",
                "title", "健康経営の取組の推進", "responsibleOrganisations", List.of(KENKO_ON_THE_SHEET))),
                editor(code, null)).expectStatus().isCreated();

        String status = "/plans/p/items/b/period-status/R7/1";
        send(client.put(), code, status, Map.of("organisation", KENKO, "symbol", "○"), editor(code, "商工会"))
                .expectStatus().isForbidden();
        send(client.put(), code, status, Map.of("organisation", KENKO, "symbol", "○"), editor(code, KENKO))
                .expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(1);
        send(client.put(), code, status, Map.of("organisation", KENKO_ON_THE_SHEET, "symbol", "○",
                "expectedVersion", 1), editor(code, "kenko"))
                .expectStatus().isOk().expectBody().jsonPath("$.changed").isEqualTo(false);

        assertThat(jdbc.sql("select convert_from(payload, 'UTF8')::jsonb ->> 'organisation' from "
                + "event_store.domain_event_entry where municipality_code = ? "
                + "and payload_type = 'PeriodStatusRecorded'")
                .param(code).query(String.class).list())
                .as("one row, the organisation as the item names it").containsExactly(KENKO_ON_THE_SHEET);
    }

    private String register(String firstFiveDigits) {
        String code = firstFiveDigits + MunicipalityCode.checkDigit(firstFiveDigits);
        client.post().uri("/municipalities")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("code", code, "name", "山梨県の市", "romanisedName", "Yamanashi"))
                .exchange().expectStatus().isCreated();
        return code;
    }

    private RestTestClient.ResponseSpec organisation(String code, String id, Map<String, Object> body) {
        return send(client.put(), code, "/organisations/" + id, body, editor(code, null));
    }

    private static RestTestClient.ResponseSpec send(RestTestClient.RequestBodyUriSpec method, String code,
            String path, Object body, String token) {
        return method.uri("/municipalities/" + code + path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    private static String editor(String code, String organisation) {
        return TestTokens.of(new Actor("clerk", Role.MUNICIPAL_EDITOR, MunicipalityCode.of(code), organisation));
    }

    private List<String> eventTypes(String code) {
        return jdbc.sql("select payload_type from event_store.domain_event_entry where municipality_code = ? "
                + "and payload_type <> 'MunicipalityRegistered' order by global_index").param(code)
                .query(String.class).list();
    }
}
