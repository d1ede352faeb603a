package jp.shinko.query.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.calendar.TokyoTime;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.plan.PlanState;
import jp.shinko.infra.eventstore.StoredPositions;
import jp.shinko.infra.seeds.SeedLoader;
import jp.shinko.infra.testsupport.CommandServiceProcess;
import jp.shinko.infra.testsupport.TestTokens;
import jp.shinko.query.DemoData;
import jp.shinko.query.QueryServiceTest;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A municipality's plans read back: the list where a user finds a plan's id, each demo city's
 * tree walked against the seed table it was entered from (items with no figures included), the
 * tree as a workbook, and one item whose versions are the ones the command service checks.
 */
@QueryServiceTest
class PlanViewTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    StoredPositions positions;

    RestTestClient viewer;

    @BeforeEach
    void enterTheSeedsOnce() {
        viewer = RestTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.of(
                        new Actor("auditor", Role.AUDITOR, null, null)))
                .build();
        DemoData.enterOnce(port, positions);
    }

    @Test
    void theListNamesEachPlanWithItsPeriodStateAndItems() {
        JsonNode list = get("/municipalities/132284/plans");

        assertThat(list.path("plans")).hasSize(1);
        JsonNode plan = list.path("plans").get(0);
        assertThat(plan.path("planId").asString()).isEqualTo("shoko-2023");
        assertThat(plan.path("name").asString()).isEqualTo("あきる野市商工業振興プラン");
        assertThat(plan.path("period").path("from").path("japanese").asString()).isEqualTo("令和5年度");
        assertThat(plan.path("period").path("to").path("japanese").asString()).isEqualTo("令和8年度");
        PlanState now = PlanState.of(FiscalYear.reiwa(5), FiscalYear.reiwa(8),
                FiscalYear.containing(LocalDate.now(TokyoTime.ZONE)));
        assertThat(plan.path("state").asString()).isEqualTo(now.name());
        assertThat(plan.path("stateJapanese").asString()).isEqualTo(now.japanese());
        // 3 方向性, 7 個別施策 and 14 実施事業, every 実施事業 with its indicator
        assertThat(plan.path("items").path("total").asInt()).isEqualTo(24);
        assertThat(plan.path("items").path("perLevel").valueStream().map(JsonNode::asInt)).containsExactly(3, 7, 14);
        assertThat(plan.path("items").path("withIndicator").asInt()).isEqualTo(14);
        assertThat(get("/municipalities/132284/plans?asOf=9999-01-01").path("plans").get(0).path("state").asString())
                .as("far in the future every plan has ended").isEqualTo(PlanState.ENDED.name());
    }

    @Test
    void akirunosTreeIsTheSeedsDirectionsMeasuresAndBusinessesInOrder() {
        JsonNode tree = get("/municipalities/132284/plans/shoko-2023");

        List<String> expected = new ArrayList<>();
        for (JsonNode direction : SeedLoader.read("akiruno.json").path("directions")) {
            expected.add("1 " + direction.path("title").asString());
            for (JsonNode measure : direction.path("measures")) {
                expected.add("2 " + measure.path("title").asString());
                for (JsonNode business : measure.path("businesses")) {
                    expected.add("3 " + business.path("title").asString() + " " + business.path("page").asString()
                            + " " + business.path("organisations").valueStream().map(JsonNode::asString).toList()
                            + " " + business.path("indicator").asString() + "(" + business.path("unit").asString()
                            + ")");
                }
            }
        }
        List<String> shown = new ArrayList<>();
        walk(tree.path("items"), 1, item -> shown.add(item.path("level").asInt() + " " + item.path("title").asString()
                + (item.path("level").asInt() < 3 ? "" : " " + item.path("pageReference").asString() + " "
                        + item.path("responsibleOrganisations").valueStream().map(JsonNode::asString).toList() + " "
                        + item.path("indicator").path("name").asString() + "("
                        + item.path("indicator").path("unit").asString() + ")")));
        assertThat(shown).containsExactlyElementsOf(expected);
    }

    @Test
    void musashinosTreeHasEveryRowOfTheTableUnderItsMeasureEvenWithoutFigures() {
        JsonNode table = SeedLoader.read("musashino-r5.json");
        JsonNode tree = get("/municipalities/132039/plans/sangyo-2");
        assertThat(tree.path("levelNames").valueStream().map(JsonNode::asString)).containsExactly("基本目標", "基本施策",
                "施策", "事業・取組み");

        List<String> goals = new ArrayList<>();
        table.path("goals").forEach(goal -> goals.add(goal.path("number").asString() + " "
                + goal.path("title").asString()));
        assertThat(tree.path("items").valueStream().map(item -> item.path("number").asString() + " "
                + item.path("title").asString())).containsExactlyElementsOf(goals);
        List<String> rows = new ArrayList<>();
        table.path("rows").forEach(row -> rows.add("m" + row.path("measure").asString() + " > " + row.path("no").asInt()
                + " " + row.path("initiative").asString() + " " + row.path("organisation").asString()));
        List<String> shown = new ArrayList<>();
        walk(tree.path("items"), 1, item -> item.path("children").forEach(child -> {
            if (child.path("level").asInt() == 4) {
                shown.add(item.path("itemId").asString() + " > " + child.path("number").asString() + " "
                        + child.path("title").asString() + " "
                        + child.path("responsibleOrganisations").get(0).asString());
            }
        }));
        assertThat(shown).containsExactlyInAnyOrderElementsOf(rows);
        assertThat(rows).hasSize(138);
    }

    @Test
    void musashinosNewPlanIsSeed002sTreeAndSucceedsItsSecondPlan() {
        JsonNode table = SeedLoader.read("musashino-new.json");
        JsonNode tree = get("/municipalities/132039/plans/sangyo-3");

        assertThat(tree.path("levelNames").valueStream().map(JsonNode::asString)).containsExactly("方針", "施策",
                "取組み");
        List<String> expected = new ArrayList<>();
        for (JsonNode policy : table.path("policies")) {
            expected.add("方針 " + policy.path("number").asString() + " " + policy.path("title").asString());
            for (JsonNode measure : policy.path("measures")) {
                expected.add("施策 " + measure.path("number").asString() + " " + measure.path("title").asString());
                for (JsonNode initiative : measure.path("initiatives")) {
                    if (!initiative.path("title").isNull()) {
                        expected.add("取組み " + initiative.path("number").asString() + " "
                                + initiative.path("title").asString() + initiative.path("repriseNote").asString("")
                                + " " + initiative.path("outlook").asString("-") + " "
                                + initiative.path("description").asString());
                    }
                }
            }
        }
        List<String> shown = new ArrayList<>();
        walk(tree.path("items"), 1, item -> shown.add(item.path("levelName").asString() + " "
                + item.path("number").asString() + " " + item.path("title").asString()
                + (item.path("level").asInt() < 3 ? "" : " " + item.path("outlook").asString("-") + " "
                        + item.path("description").asString())));
        assertThat(shown).containsExactlyElementsOf(expected);
        assertThat(shown.stream().filter(line -> line.startsWith("施策"))).hasSize(20);

        JsonNode plans = get("/municipalities/132039/plans");
        JsonNode second = plans.path("plans").get(0);
        assertThat(second.path("planId").asString()).isEqualTo("sangyo-2");
        assertThat(second.path("state").asString()).isEqualTo(PlanState.SUCCEEDED.name());
        assertThat(second.path("successor").path("planId").asString()).isEqualTo("sangyo-3");
        assertThat(plans.path("plans").get(1).path("predecessor").path("planId").asString()).isEqualTo("sangyo-2");
        JsonNode first = tree.path("items").get(0);
        assertThat(first.path("carriedOverFrom").get(0).path("itemId").asString()).isEqualTo("g1");
        assertThat(first.path("carriedOverFrom").get(0).path("title").asString()).isEqualTo(first.path("title")
                .asString());
        assertThat(first.path("carriedOverFrom").get(0).path("kindJapanese").asString()).isEqualTo("継続");
    }

    @Test
    void tamasMeasuresStandUnderTheirDirectionAndPolicyWithTheirOutlookThemesAndOverview() {
        JsonNode tree = get("/municipalities/132241/plans/master-2025");

        assertThat(tree.path("goal").asString()).isEqualTo("主体的な行動と協創により理想をかなえるまち");
        assertThat(tree.path("levelNames").valueStream().map(JsonNode::asString)).containsExactly("方向性", "基本方針",
                "施策");
        List<String> expected = new ArrayList<>();
        SeedLoader.read("tama.json").path("sheets").forEach(sheet -> expected.add(sheet.path("direction").asString()
                + " > " + sheet.path("basicPolicy").asString() + " > " + sheet.path("number").asString() + " "
                + sheet.path("title").asString() + " " + sheet.path("outlook").asString() + " "
                + sheet.path("focusThemes").valueStream().map(JsonNode::asString).toList() + " "
                + sheet.path("overview").asString()));
        List<String> shown = new ArrayList<>();
        for (JsonNode direction : tree.path("items")) {
            assertThat(direction.path("levelName").asString()).isEqualTo("方向性");
            assertThat(direction.path("responsibleOrganisations")).as("the seed names none").isEmpty();
            for (JsonNode policy : direction.path("children")) {
                assertThat(policy.path("levelName").asString()).isEqualTo("基本方針");
                for (JsonNode measure : policy.path("children")) {
                    assertThat(measure.path("levelName").asString()).isEqualTo("施策");
                    shown.add(direction.path("number").asString() + " " + direction.path("title").asString() + " > "
                            + policy.path("number").asString() + " " + policy.path("title").asString() + " > "
                            + measure.path("number").asString() + " " + measure.path("title").asString() + " "
                            + measure.path("outlook").asString() + " "
                            + measure.path("focusThemes").valueStream().map(JsonNode::asString).toList() + " "
                            + measure.path("description").asString());
                }
            }
        }
        assertThat(shown).containsExactlyElementsOf(expected);
    }

    @Test
    void theTreeAsAWorkbookPutsEachItemInItsLevelsColumn() throws IOException {
        byte[] workbook = viewer.get().uri("/municipalities/132284/plans/shoko-2023.xlsx").exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            Sheet sheet = book.getSheetAt(0);
            List<List<String>> lines = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                row.forEach(cell -> cells.add(cell.toString()));
                lines.add(cells);
            }
            int header = indexOfLineStartingWith(lines, "方向性");
            assertThat(lines.get(header)).startsWith("方向性", "個別施策", "実施事業", "展望");
            assertThat(lines.get(header + 1).get(0)).isEqualTo("1 地域経済循環の担い手となる事業者の育成");
            assertThat(lines.get(header + 3)).startsWith("", "", "1 事業承継セミナー");
            assertThat(lines).hasSize(header + 1 + 24);
        }
        String csv = new String(viewer.get().uri("/municipalities/132284/plans.csv").exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody(),
                StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF").contains("shoko-2023", "あきる野市商工業振興プラン", "令和5年度～令和8年度");
    }

    @Test
    void anItemShowsTheVersionsTheCommandServiceChecks() {
        MunicipalityCode code = MunicipalityCode.of("07201" + MunicipalityCode.checkDigit("07201"));
        RestTestClient commands = RestTestClient.bindToServer().baseUrl(CommandServiceProcess.baseUrl().toString())
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin()).build();
        commands.post().uri("/municipalities").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("code", code.value(), "name", "福島市", "romanisedName", "Fukushima"))
                .exchange().expectStatus().isCreated();
        RestTestClient clerk = RestTestClient.bindToServer().baseUrl(CommandServiceProcess.baseUrl().toString())
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.of(new Actor("clerk",
                        Role.MUNICIPAL_EDITOR, code, null))).build();
        String plan = "/municipalities/" + code.value() + "/plans/p-2025";
        send(clerk.post().uri("/municipalities/" + code.value() + "/plans"), Map.of("id", "p-2025", "name", "計画",
                "fromFiscalYear", "R7", "toFiscalYear", "R9"), 201);
        send(clerk.post().uri(plan + "/items"), Map.of("id", "a", "content", Map.of("number", "1", "title", "事業",
                "responsibleOrganisations", List.of("産業振興課"))), 201);
        send(clerk.put().uri(plan + "/items/a"), Map.of("content", Map.of("number", "1", "title", "事業（改）",
                "responsibleOrganisations", List.of("産業振興課")), "expectedVersion", 1), 200);
        send(clerk.put().uri(plan + "/items/a/indicator"), Map.of("name", "参加者数", "unit", "人"), 200);
        send(clerk.put().uri(plan + "/items/a/annual-targets/R7"), Map.of("value", 10, "unit", "人"), 200);
        send(clerk.put().uri(plan + "/items/a/period-status/R7/1"), Map.of("organisation", "産業振興課",
                "symbol", "○"), 200);
        RestTestClient reader = RestTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.of(new Actor("viewer",
                        Role.MUNICIPAL_VIEWER, code, null))).build();

        JsonNode item = json(reader.get().uri(plan + "/items/a").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());

        assertThat(item.path("version").asLong()).isEqualTo(2);
        assertThat(item.path("title").asString()).isEqualTo("事業（改）");
        JsonNode figures = item.path("annualFigures").get(0);
        assertThat(figures.path("targetVersion").asLong()).isEqualTo(1);
        assertThat(figures.path("actualVersion").asLong()).isZero();
        assertThat(item.path("quarterStatuses").get(0).path("version").asLong()).isEqualTo(1);
        // the versions read are the ones a write must send: the right one is taken, the one before refused
        send(clerk.put().uri(plan + "/items/a/annual-targets/R7"), Map.of("value", 12, "unit", "人",
                "expectedVersion", figures.path("targetVersion").asLong()), 200);
        send(clerk.put().uri(plan + "/items/a/annual-actuals/R7"), Map.of("value", 9, "unit", "人",
                "expectedVersion", figures.path("actualVersion").asLong()), 200);
        send(clerk.put().uri(plan + "/items/a/annual-targets/R7"), Map.of("value", 13, "unit", "人",
                "expectedVersion", figures.path("targetVersion").asLong()), 409);
        send(clerk.put().uri(plan + "/items/a"), Map.of("content", Map.of("number", "1", "title", "事業",
                "responsibleOrganisations", List.of("産業振興課")), "expectedVersion", item.path("version").asLong()),
                200);
        JsonNode after = json(reader.get().uri(plan + "/items/a").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
        assertThat(after.path("version").asLong()).isEqualTo(3);
        assertThat(after.path("annualFigures").get(0).path("targetVersion").asLong()).isEqualTo(2);
        assertThat(after.path("annualFigures").get(0).path("actualVersion").asLong()).isEqualTo(1);
        reader.get().uri(plan + "/items/nothing").exchange().expectStatus().isNotFound();
        reader.get().uri("/municipalities/132284/plans").exchange().expectStatus().isForbidden();
    }

    private static void send(RestTestClient.RequestBodySpec request, Object body, int status) {
        request.contentType(MediaType.APPLICATION_JSON).body(body).exchange().expectStatus().isEqualTo(status);
    }

    private JsonNode get(String path) {
        await().atMost(Duration.ofSeconds(60)).until(() -> viewer.get().uri(path).exchange().returnResult()
                .getStatus().is2xxSuccessful());
        return json(viewer.get().uri(path).exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody());
    }

    private static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    private static void walk(JsonNode items, int level, java.util.function.Consumer<JsonNode> visit) {
        for (JsonNode item : items) {
            assertThat(item.path("level").asInt()).isEqualTo(level);
            visit.accept(item);
            walk(item.path("children"), level + 1, visit);
        }
    }

    private static int indexOfLineStartingWith(List<List<String>> lines, String first) {
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isEmpty() && lines.get(i).get(0).equals(first)) {
                return i;
            }
        }
        throw new AssertionError("no line starts with " + first + ": " + lines);
    }
}
