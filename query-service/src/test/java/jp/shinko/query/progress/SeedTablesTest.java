package jp.shinko.query.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.infra.seeds.SeedLoader;
import jp.shinko.infra.testsupport.CommandServiceProcess;
import jp.shinko.infra.testsupport.RealInfrastructure;
import jp.shinko.infra.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seed tables (../shared/seeds/) entered through the command service, as the demo data
 * is, come back from the query side as the cities printed them: every Akiruno rating R5–R7,
 * every Musashino row's four quarters, reason and remark, Tama's KPI baselines and targets.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "shinko.event-store.migrate=true") // the same context as the other query tests
@ContextConfiguration(initializers = RealInfrastructure.class)
class SeedTablesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static boolean entered;

    @LocalServerPort
    int port;

    RestTestClient analyst;

    @BeforeEach
    void enterTheSeedsOnce() {
        analyst = RestTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.of(
                        new Actor("metro-analyst", Role.METRO_ANALYST, null, null)))
                .build();
        if (entered) {
            return;
        }
        URI commandService = CommandServiceProcess.baseUrl();
        RestTestClient admin = RestTestClient.bindToServer().baseUrl(commandService.toString())
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin()).build();
        for (Map.Entry<String, String> city : Map.of(SeedLoader.AKIRUNO, "あきる野市", SeedLoader.MUSASHINO, "武蔵野市",
                SeedLoader.TAMA, "多摩市").entrySet()) {
            admin.post().uri("/municipalities").contentType(MediaType.APPLICATION_JSON)
                    .header("Idempotency-Key", "register-" + city.getKey())
                    .body(Map.of("code", city.getKey(), "name", city.getValue(), "romanisedName", "Seed"))
                    .exchange().expectStatus().isCreated();
        }
        new SeedLoader(commandService, code -> TestTokens.of(new Actor("clerk", Role.MUNICIPAL_EDITOR,
                MunicipalityCode.of(code), null))).loadAll();
        entered = true;
    }

    @Test
    void everyAkirunoRatingIsThePrintedOne() {
        Map<String, String> printed = new HashMap<>();
        Map<String, String> figures = new HashMap<>();
        SeedLoader.akirunoBusinesses().forEach((itemId, business) -> business.path("years").properties()
                .forEach(year -> {
                    figures.put(itemId + " " + year.getKey(), year.getValue().path("target").asString()
                            + "/" + year.getValue().path("actual").asString(""));
                    if (year.getValue().has("rating")) {
                        printed.put(itemId + " " + year.getKey(), year.getValue().path("rating").asString());
                    }
                }));

        Map<String, String> rated = new HashMap<>();
        Map<String, String> shown = new HashMap<>();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            rated.clear();
            shown.clear();
            for (JsonNode row : get("/municipalities/132284/plans/shoko-2023/progress/annual").path("items")) {
                for (JsonNode year : row.path("years")) {
                    String key = row.path("itemId").asString() + " " + year.path("fiscalYear").asInt();
                    shown.put(key, year.path("target").asString() + "/" + year.path("actual").asString(""));
                    if (year.has("rating")) {
                        rated.put(key, year.path("rating").asString());
                    }
                }
            }
            assertThat(rated).hasSize(printed.size());
        });
        assertThat(printed).hasSize(42);
        assertThat(rated).isEqualTo(printed);
        assertThat(shown).isEqualTo(figures);
    }

    @Test
    void everyMusashinoRowHasItsFourQuartersReasonAndRemark() throws IOException {
        Map<String, String> printed = new HashMap<>();
        for (JsonNode row : seed("musashino-r5.json").path("rows")) {
            printed.put("r" + row.path("no").asInt() + " " + row.path("organisation").asString(),
                    String.join("", row.path("quarters").valueStream().map(JsonNode::asString).toList())
                            + " " + row.path("reasonCode").asString("-") + " " + row.path("remark").asString("-")
                            + " " + row.path("flags").valueStream().anyMatch(flag -> flag.asString().equals("重点事業")));
        }
        Map<String, String> shown = new HashMap<>();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            shown.clear();
            JsonNode table = get("/municipalities/132039/plans/sangyo-2/progress/quarterly?fiscalYear=令和5&size=500");
            for (JsonNode row : table.path("items")) {
                shown.put(row.path("itemId").asString() + " " + row.path("organisation").asString(),
                        String.join("", row.path("quarters").valueStream().map(JsonNode::asString).toList())
                                + " " + row.path("reasonCode").asString("-") + " " + row.path("remark").asString("-")
                                + " " + row.path("priority").asBoolean());
            }
            assertThat(shown).hasSize(138);
        });
        assertThat(shown).isEqualTo(printed);
    }

    @Test
    void tamasKpisKeepTheirBaselinesAndTargets() throws IOException {
        List<String> printed = seed("tama.json").path("kpis").valueStream()
                .map(kpi -> kpi.path("id").asString() + " " + figure(kpi.path("baseline").path("value"),
                        kpi.path("baseline").path("fromYear"), kpi.path("baseline").path("toYear"),
                        kpi.path("baseline").path("secondaryValue")) + " " + kpi.path("target"))
                .toList();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode table = get("/municipalities/132241/plans/master-2025/progress/kpis");
            List<String> shown = table.path("items").valueStream()
                    .map(kpi -> kpi.path("kpiId").asString() + " " + figure(kpi.path("baseline").path("value"),
                            kpi.path("baseline").path("reference").path("fromYear"),
                            kpi.path("baseline").path("reference").path("toYear"),
                            kpi.path("baseline").path("secondaryValue"))
                            + " " + (kpi.path("target").isNull() ? "" : kpi.path("target")))
                    .toList();
            assertThat(shown).isEqualTo(printed);
        });
    }

    /** A figure as "value (from–to) secondary", whatever JSON shape carried it. */
    private static String figure(JsonNode value, JsonNode fromYear, JsonNode toYear, JsonNode secondaryValue) {
        return value.decimalValue().stripTrailingZeros().toPlainString() + " (" + fromYear.asInt() + "–"
                + toYear.asInt(fromYear.asInt()) + ") "
                + (secondaryValue.isMissingNode() ? "" : secondaryValue.decimalValue().toPlainString());
    }

    private JsonNode get(String path) {
        String body = analyst.get().uri(path).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return JSON.readTree(body);
    }

    private static JsonNode seed(String name) throws IOException {
        try (InputStream json = SeedLoader.class.getResourceAsStream(name)) {
            return JSON.readTree(json);
        }
    }
}
