package jp.shinko.command.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.settings.RatingScheme;
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
 * Akiruno's whole progress table (../shared/seeds/004…, as {@code seeds/akiruno.json}) entered
 * through the REST API as its clerk would: the plan's 3 directions, 7 measures and 14
 * businesses, each business's indicator and baseline, targets R5–R8 and actuals R5–R7. Not one
 * valid row is refused, the stored values give back every rating the city printed, and entering
 * the table a second time stores nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructure.class)
class AkirunoTableTest {

    private static final String AKIRUNO = "132284";
    private static final String ITEMS = "/municipalities/" + AKIRUNO + "/plans/shoko-2023/items";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    RestTestClient clerk;

    @BeforeEach
    void setUp() {
        clerk = RestTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.of(new Actor("akiruno-clerk",
                        Role.MUNICIPAL_EDITOR, MunicipalityCode.of(AKIRUNO), null)))
                .build();
    }

    @Test
    void theWholeTableGoesInAndGivesBackTheCitysRatingsAndASecondEntryStoresNothing() throws IOException {
        JsonNode table = table();

        enter(table);
        Map<String, Integer> stored = eventCounts();
        enter(table);

        assertThat(stored).containsExactlyInAnyOrderEntriesOf(Map.of("MunicipalityRegistered", 1,
                "RatingSchemeAdopted", 1, "PlanAdopted", 1, "PlanItemAdded", 24, "IndicatorDefined", 14,
                "AnnualTargetSet", 56, "AnnualActualRecorded", 42));
        assertThat(eventCounts()).as("entered twice").isEqualTo(stored);
        assertThat(ratingsFromStoredValues()).isEqualTo(ratingsPrinted(table));
    }

    private void enter(JsonNode table) {
        clerk.post().uri("/municipalities")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", "register-akiruno")
                .body(Map.of("code", AKIRUNO, "name", "あきる野市", "romanisedName", "Akiruno"))
                .exchange().expectStatus().isCreated();
        send("PUT", "/municipalities/" + AKIRUNO + "/rating-scheme", Map.of("fromFiscalYear", "R5", "bands", List.of(
                Map.of("label", "S", "description", "目標値以上", "minimumPercent", 120),
                Map.of("label", "A", "description", "目標値どおり", "minimumPercent", 90),
                Map.of("label", "B", "description", "要改善", "minimumPercent", 50, "minimumIncluded", false),
                Map.of("label", "C", "description", "要大幅改善"))));
        JsonNode plan = table.path("plan");
        send("POST", "/municipalities/" + AKIRUNO + "/plans", Map.of("id", plan.path("id").asString(),
                "name", plan.path("name").asString(), "fromFiscalYear", plan.path("from").asString(),
                "toFiscalYear", plan.path("to").asString()));
        int d = 0;
        for (JsonNode direction : table.path("directions")) {
            String directionId = "d" + ++d;
            addItem(directionId, null, content(String.valueOf(d), direction.path("title").asString(), List.of("市")));
            int m = 0;
            for (JsonNode measure : direction.path("measures")) {
                String measureId = directionId + "-m" + ++m;
                addItem(measureId, directionId, content(String.valueOf(m), measure.path("title").asString(),
                        List.of("市")));
                int b = 0;
                for (JsonNode business : measure.path("businesses")) {
                    enterBusiness(measureId + "-b" + ++b, measureId, b, business);
                }
            }
        }
    }

    private void enterBusiness(String itemId, String measureId, int number, JsonNode business) {
        Map<String, Object> content = content(String.valueOf(number), business.path("title").asString(),
                business.path("organisations").valueStream().map(JsonNode::asString).toList());
        content.put("pageReference", business.path("page").asString());
        content.put("flags", business.path("flags").valueStream().map(JsonNode::asString).toList());
        addItem(itemId, measureId, content);
        String unit = business.path("unit").asString();
        Map<String, Object> indicator = new HashMap<>(Map.of("name", business.path("indicator").asString(),
                "unit", unit));
        if (!business.path("baseline").isNull()) {
            indicator.put("baseline", Map.of("value", business.path("baseline").asInt(), "fiscalYear", "R3"));
        }
        send("PUT", ITEMS + "/" + itemId + "/indicator", indicator);
        business.path("years").properties().forEach(year -> {
            send("PUT", ITEMS + "/" + itemId + "/annual-targets/" + year.getKey(),
                    Map.of("value", year.getValue().path("target").asInt(), "unit", unit));
            if (year.getValue().has("actual")) {
                send("PUT", ITEMS + "/" + itemId + "/annual-actuals/" + year.getKey(),
                        Map.of("value", year.getValue().path("actual").asInt(), "unit", unit));
            }
        });
    }

    private void addItem(String itemId, String parentItemId, Map<String, Object> content) {
        Map<String, Object> body = new HashMap<>(Map.of("id", itemId, "content", content));
        if (parentItemId != null) {
            body.put("parentItemId", parentItemId);
        }
        send("POST", ITEMS, body);
    }

    private static Map<String, Object> content(String number, String title, List<String> organisations) {
        return new HashMap<>(Map.of("number", number, "title", title, "responsibleOrganisations", organisations));
    }

    private void send(String method, String path, Object body) {
        (method.equals("PUT") ? clerk.put() : clerk.post()).uri(path)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().is2xxSuccessful();
    }

    private Map<String, Integer> eventCounts() {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.sql("select payload_type, count(*) as n from event_store.domain_event_entry where municipality_code = ? "
                        + "group by payload_type").param(AKIRUNO)
                .query((row, number) -> counts.put(row.getString("payload_type"), row.getInt("n"))).list();
        return counts;
    }

    /** "d1-m1-b1 2023" to the rating the default scheme gives the stored target and actual. */
    private Map<String, String> ratingsFromStoredValues() {
        Map<String, BigDecimal> targets = storedValues("AnnualTargetSet");
        Map<String, String> ratings = new HashMap<>();
        storedValues("AnnualActualRecorded").forEach((key, actual) -> ratings.put(key,
                RatingScheme.DEFAULT.rate(targets.get(key), actual).orElseThrow().label()));
        return ratings;
    }

    private Map<String, BigDecimal> storedValues(String type) {
        Map<String, BigDecimal> values = new HashMap<>();
        jdbc.sql("""
                        select p ->> 'itemId' as item, p ->> 'fiscalYear' as year, (p ->> 'value')::numeric as value
                        from (select convert_from(payload, 'UTF8')::jsonb as p from event_store.domain_event_entry
                              where municipality_code = ? and payload_type = ? order by global_index) entries""")
                .params(AKIRUNO, type)
                .query((row, number) -> values.put(row.getString("item") + " " + row.getString("year"),
                        row.getBigDecimal("value"))).list();
        return values;
    }

    private static Map<String, String> ratingsPrinted(JsonNode table) {
        Map<String, String> ratings = new HashMap<>();
        int d = 0;
        for (JsonNode direction : table.path("directions")) {
            d++;
            int m = 0;
            for (JsonNode measure : direction.path("measures")) {
                m++;
                int b = 0;
                for (JsonNode business : measure.path("businesses")) {
                    String itemId = "d" + d + "-m" + m + "-b" + ++b;
                    business.path("years").properties().stream().filter(year -> year.getValue().has("rating"))
                            .forEach(year -> ratings.put(itemId + " " + year.getKey(),
                                    year.getValue().path("rating").asString()));
                }
            }
        }
        return ratings;
    }

    private static JsonNode table() throws IOException {
        try (InputStream json = AkirunoTableTest.class.getResourceAsStream("/seeds/akiruno.json")) {
            return JsonMapper.builder().build().readTree(json);
        }
    }
}
