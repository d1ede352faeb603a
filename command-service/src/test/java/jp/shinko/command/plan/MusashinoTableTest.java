package jp.shinko.command.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.infra.testsupport.RealInfrastructure;
import jp.shinko.infra.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Musashino's FY2023 progress table (../shared/seeds/001…, as {@code seeds/musashino-r5.json})
 * entered through the REST API: its 5 goals, 10 basic measures, 35 measures and 138 rows, each
 * row an initiative of one organisation with its four quarters, and the 4th-quarter reason and
 * remark where the city gave them. No valid row is refused, and the stored statuses add up to
 * the table's own counts (108 ○○○○, 20 □□□□, 5 ////, 3 △△△△, 1 ○○○◎, 1 ××××). The plan
 * period (R5–R9) is this test's assumption; the seed does not print it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructure.class)
class MusashinoTableTest {

    private static final String MUSASHINO = "132039";
    private static final String ITEMS = "/municipalities/" + MUSASHINO + "/plans/sangyo-2/items";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    RestTestClient clerk;

    @BeforeEach
    void setUp() {
        clerk = RestTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.of(new Actor("musashino-clerk",
                        Role.MUNICIPAL_EDITOR, MunicipalityCode.of(MUSASHINO), null)))
                .build();
    }

    @Test
    void everyRowGoesInWithItsFourQuartersAndReasonsAndTheStatusesAddUpToTheTable() throws IOException {
        JsonNode table = table();

        enter(table);

        assertThat(eventCount("PlanItemAdded")).isEqualTo(5 + 10 + 35 + 138);
        assertThat(eventCount("PeriodStatusRecorded")).isEqualTo(138 * 4);
        List<String> rows = jdbc.sql("""
                        select string_agg(p ->> 'symbol', '' order by (p ->> 'quarter')::int)
                        from (select convert_from(payload, 'UTF8')::jsonb as p from event_store.domain_event_entry
                              where municipality_code = ? and payload_type = 'PeriodStatusRecorded') statuses
                        group by p ->> 'itemId'""")
                .param(MUSASHINO).query(String.class).list();
        assertThat(rows).hasSize(138);
        assertThat(Map.of("○○○○", count(rows, "○○○○"), "□□□□", count(rows, "□□□□"), "////", count(rows, "////"),
                "△△△△", count(rows, "△△△△"), "○○○◎", count(rows, "○○○◎"), "××××", count(rows, "××××")))
                .isEqualTo(Map.of("○○○○", 108L, "□□□□", 20L, "////", 5L, "△△△△", 3L, "○○○◎", 1L, "××××", 1L));
        assertThat(jdbc.sql("""
                        select p ->> 'reasonCode' as reason, count(*) as n
                        from (select convert_from(payload, 'UTF8')::jsonb as p from event_store.domain_event_entry
                              where municipality_code = ? and payload_type = 'PeriodStatusRecorded') statuses
                        where p ->> 'reasonCode' is not null group by 1 order by 1""")
                .param(MUSASHINO).query((row, number) -> row.getString("reason") + "=" + row.getInt("n")).list())
                .containsExactly("2=1", "3=14", "4=10");
    }

    private static long count(List<String> rows, String quarters) {
        return rows.stream().filter(quarters::equals).count();
    }

    private void enter(JsonNode table) {
        clerk.post().uri("/municipalities")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("code", MUSASHINO, "name", "武蔵野市", "romanisedName", "Musashino"))
                .exchange().expectStatus().isCreated();
        send("POST", "/municipalities/" + MUSASHINO + "/plans", Map.of("id", "sangyo-2",
                "name", "第二期武蔵野市産業振興計画", "fromFiscalYear", "R5", "toFiscalYear", "R9"));
        for (JsonNode goal : table.path("goals")) {
            String goalId = "g" + goal.path("number").asString();
            addItem(goalId, null, goal.path("number").asString(), goal.path("title").asString(), List.of("産業振興課"),
                    List.of());
            for (JsonNode basic : goal.path("basics")) {
                addItem(goalId + "-b" + basic.path("number").asString().replaceAll("\\D", ""), goalId,
                        basic.path("number").asString(), basic.path("title").asString(), List.of("産業振興課"),
                        List.of());
            }
        }
        Map<String, JsonNode> measures = new LinkedHashMap<>();
        Map<String, Set<String>> organisations = new HashMap<>();
        for (JsonNode row : table.path("rows")) {
            measures.putIfAbsent(row.path("measure").asString(), row);
            organisations.computeIfAbsent(row.path("measure").asString(), measure -> new LinkedHashSet<>())
                    .add(row.path("organisation").asString());
        }
        measures.forEach((number, row) -> addItem("m" + number,
                "g" + row.path("goal").asString() + "-b" + row.path("basic").asString().replaceAll("\\D", ""),
                number, row.path("measureTitle").asString(), List.copyOf(organisations.get(number)),
                row.path("flags").valueStream().map(JsonNode::asString).toList()));
        for (JsonNode row : table.path("rows")) {
            String itemId = "r" + row.path("no").asInt();
            String organisation = row.path("organisation").asString();
            addItem(itemId, "m" + row.path("measure").asString(), String.valueOf(row.path("no").asInt()),
                    row.path("initiative").asString(), List.of(organisation), List.of());
            for (int quarter = 1; quarter <= 4; quarter++) {
                Map<String, Object> status = new HashMap<>(Map.of("organisation", organisation,
                        "symbol", row.path("quarters").get(quarter - 1).asString()));
                if (quarter == 4 && !row.path("reasonCode").isNull()) {
                    status.put("reasonCode", row.path("reasonCode").asString());
                }
                if (quarter == 4 && !row.path("remark").isNull()) {
                    status.put("remark", row.path("remark").asString());
                }
                send("PUT", ITEMS + "/" + itemId + "/period-status/R5/" + quarter + "期", status);
            }
        }
    }

    private void addItem(String itemId, String parentItemId, String number, String title, List<String> organisations,
            List<String> flags) {
        Map<String, Object> body = new HashMap<>(Map.of("id", itemId, "content", Map.of("number", number,
                "title", title, "responsibleOrganisations", organisations, "flags", flags)));
        if (parentItemId != null) {
            body.put("parentItemId", parentItemId);
        }
        send("POST", ITEMS, body);
    }

    private void send(String method, String path, Object body) {
        (method.equals("PUT") ? clerk.put() : clerk.post()).uri(path)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().is2xxSuccessful();
    }

    private int eventCount(String type) {
        return jdbc.sql("select count(*) from event_store.domain_event_entry where municipality_code = ? "
                + "and payload_type = ?").params(MUSASHINO, type).query(Integer.class).single();
    }

    private static JsonNode table() throws IOException {
        try (InputStream json = MusashinoTableTest.class.getResourceAsStream("/seeds/musashino-r5.json")) {
            return JsonMapper.builder().build().readTree(json);
        }
    }
}
