package jp.shinko.query.organisations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.infra.eventstore.StoredPositions;
import jp.shinko.infra.testsupport.TestTokens;
import jp.shinko.query.DemoData;
import jp.shinko.query.QueryServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo cities' registers of organisations read back, and the tables' organisation filters
 * finding an organisation's rows by any name the register knows it by.
 */
@QueryServiceTest
class OrganisationRegisterViewTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    StoredPositions positions;

    RestTestClient viewer;

    @BeforeEach
    void enterTheSeedsOnce() {
        DemoData.enterOnce(port, positions);
        viewer = RestTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.of(
                        new Actor("tama", Role.MUNICIPAL_VIEWER, MunicipalityCode.of("132241"), null)))
                .build();
    }

    @Test
    void tamasRegisterHasTheSheetsNameAsAnAlias() {
        JsonNode register = get("/municipalities/132241/organisations").path("organisations");

        assertThat(register).hasSize(12);
        JsonNode kenko = register.get(11);
        assertThat(kenko.path("organisationId").asString()).isEqualTo("kenko-machizukuri");
        assertThat(kenko.path("name").asString()).isEqualTo("健幸まちづくり担当");
        assertThat(kenko.path("kind").asString()).isEqualTo("section");
        assertThat(kenko.path("kindJapanese").asString()).isEqualTo("担当");
        assertThat(kenko.path("aliases").get(0).asString()).isEqualTo("企画課（健幸まちづくり担当）");
        assertThat(kenko.path("formerNames")).isEmpty();
    }

    @Test
    void aFilterFindsAnOrganisationsRowsByItsOtherNames() {
        RestTestClient auditor = RestTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.of(
                        new Actor("auditor", Role.AUDITOR, null, null)))
                .build();
        String quarterly = "/municipalities/132039/plans/sangyo-2/progress/quarterly?fiscalYear=R5&size=500"
                + "&organisation=";
        List<String> byName = itemIds(auditor, quarterly + "商工会議所");
        assertThat(byName).hasSize(25);
        assertThat(itemIds(auditor, quarterly + "武蔵野商工会議所")).isEqualTo(byName);
        assertThat(itemIds(auditor, quarterly + "shokokaigisho")).isEqualTo(byName);

        String annual = "/municipalities/132284/plans/shoko-2023/progress/annual?organisation=";
        assertThat(itemIds(auditor, annual + "マルシェ実行委員会")).isEqualTo(itemIds(auditor, annual + "マルシェ"))
                .hasSize(1);
        assertThat(itemIds(auditor, annual + "市")).as("「商工会・市」 is two organisations, 市 one of them")
                .hasSize(5).contains("d1-m3-b1");
    }

    private JsonNode get(String path) {
        return JSON.readTree(viewer.get().uri(path).exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody());
    }

    private static List<String> itemIds(RestTestClient client, String path) {
        JsonNode page = JSON.readTree(client.get().uri(path).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(row -> ids.add(row.path("itemId").asString()));
        return ids;
    }
}
