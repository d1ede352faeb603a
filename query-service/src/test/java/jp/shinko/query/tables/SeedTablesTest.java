package jp.shinko.query.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.infra.eventstore.ReadYourWrites;
import jp.shinko.infra.eventstore.StoredPositions;
import jp.shinko.infra.seeds.SeedLoader;
import jp.shinko.infra.testsupport.CommandServiceProcess;
import jp.shinko.infra.testsupport.TestTokens;
import jp.shinko.query.DemoData;
import jp.shinko.query.QueryServiceTest;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
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
 * The seed tables (shared-events/src/test/resources/seeds/) entered through the command service, as the demo data
 * is, come back from the query side as the cities printed them: every Akiruno rating R5–R7,
 * every Musashino row's four quarters, reason and remark, Tama's KPI baselines and targets.
 */
@QueryServiceTest
class SeedTablesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    @LocalServerPort
    int port;

    @Autowired
    StoredPositions positions;

    RestTestClient analyst;

    @BeforeEach
    void enterTheSeedsOnce() {
        analyst = RestTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.of(
                        new Actor("metro-analyst", Role.METRO_ANALYST, null, null)))
                .build();
        DemoData.enterOnce(port, positions);
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

    @Test
    void akirunosTwoTextColumnsComeBackAsTheCityWroteThemInTheTableAndTheHistory() {
        Map<String, String> written = new HashMap<>();
        SeedLoader.akirunoBusinesses().forEach((itemId, business) -> written.put(itemId,
                business.path("targetPicture").path("text").asString() + " | "
                        + business.path("statusAndIssues").path("R7").asString()));
        Map<String, String> shown = new HashMap<>();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            shown.clear();
            for (JsonNode row : get("/municipalities/132284/plans/shoko-2023/progress/annual").path("items")) {
                JsonNode r7 = row.path("years").valueStream().filter(year -> year.path("fiscalYear").asInt() == 2025)
                        .findFirst().orElseThrow();
                assertThat(row.path("targetPicture").path("fiscalYearJapanese").asString()).isEqualTo("令和8年度");
                shown.put(row.path("itemId").asString(), row.path("targetPicture").path("text").asString() + " | "
                        + r7.path("statusAndIssues").asString());
            }
            assertThat(shown).isEqualTo(written);
        });
        assertThat(written.get("d1-m1-b1")).endsWith("課題：周知、集客");
        JsonNode history = get("/municipalities/132284/plans/shoko-2023/progress/history/items/d1-m1-b1");
        assertThat(history.path("years").valueStream().filter(year -> year.path("fiscalYear").asInt() == 2025)
                .findFirst().orElseThrow().path("figures").path("statusAndIssues").asString())
                .isEqualTo(written.get("d1-m1-b1").split(" \\| ")[1]);
        assertThat(get("/municipalities/132284/plans/shoko-2023/progress/narratives?fiscalYear=R7").path("items"))
                .as("Akiruno's texts are no review sheets").isEmpty();
    }

    @Test
    void akirunosWorkbookHasItsHeadingsAndEveryPrintedRating() throws IOException {
        List<Map.Entry<String, JsonNode>> businesses = List.copyOf(SeedLoader.akirunoBusinesses().entrySet());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                get("/municipalities/132284/plans/shoko-2023/progress/annual").path("totalItems").asInt())
                .isEqualTo(businesses.size()));
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                download("/municipalities/132284/plans/shoko-2023/progress/annual.xlsx", XLSX)))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("進捗状況_全年度");
            assertThat(text(sheet, 0, 0)).isEqualTo("あきる野市商工業振興プラン 進捗状況まとめ（全年度）");
            List<String> groups = cells(sheet.getRow(2));
            List<String> headings = cells(sheet.getRow(3));
            // the seed's eleven columns in its order, ours (番号, 指標, 単位, 達成率) beside them
            assertThat(headings).containsSubsequence("方向性", "個別施策", "実施事業", "実施主体", "目標とする姿(令和8年度)",
                    "実施状況・課題(令和7年度)", "実績値");
            assertThat(groups.get(headings.indexOf("実績値"))).isEqualTo("令和3年度");
            assertThat(groups).containsSubsequence("令和3年度", "令和5年度", "令和6年度", "令和7年度", "令和8年度");
            int title = headings.indexOf("実施事業");
            int picture = headings.indexOf("目標とする姿(令和8年度)");
            int status = headings.indexOf("実施状況・課題(令和7年度)");
            int fy2023 = groups.indexOf("令和5年度");
            assertThat(headings.subList(fy2023, fy2023 + 4)).containsExactly("年間目標", "実績", "達成率(%)", "評価");
            assertThat(sheet.getMergedRegions()).anySatisfy(region -> assertThat(region.formatAsString())
                    .isEqualTo(new CellRangeAddress(2, 2, fy2023, fy2023 + 3).formatAsString()));
            assertThat(sheet.getColumnWidth(title)).as("実施事業 fits its titles").isGreaterThan(20 * 256);

            Map<String, String> printed = new HashMap<>();
            Map<String, String> inWorkbook = new HashMap<>();
            for (int i = 0; i < businesses.size(); i++) {
                JsonNode business = businesses.get(i).getValue();
                Row row = sheet.getRow(4 + i);
                assertThat(text(sheet, 4 + i, title)).isEqualTo(business.path("title").asString() + " "
                        + business.path("page").asString());
                assertThat(text(sheet, 4 + i, picture)).isEqualTo(business.path("targetPicture").path("text")
                        .asString());
                assertThat(text(sheet, 4 + i, status)).isEqualTo(business.path("statusAndIssues").path("R7")
                        .asString());
                for (int year = 2023; year <= 2026; year++) {
                    int column = groups.indexOf(FiscalYear.of(year).japanese());
                    JsonNode seedYear = business.path("years").path(String.valueOf(year));
                    printed.put(i + " " + year, seedYear.path("target").asString() + "/"
                            + seedYear.path("actual").asString("") + " " + seedYear.path("rating").asString(""));
                    inWorkbook.put(i + " " + year, number(row.getCell(column)) + "/"
                            + number(row.getCell(column + 1)) + " " + row.getCell(column + 3).getStringCellValue());
                }
            }
            assertThat(inWorkbook).isEqualTo(printed);
        }
    }

    @Test
    void musashinosCsvOpensInExcelWithEveryRowsQuarters() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(get(
                "/municipalities/132039/plans/sangyo-2/progress/quarterly?fiscalYear=R5").path("totalItems").asInt())
                .isEqualTo(138));
        byte[] file = download("/municipalities/132039/plans/sangyo-2/progress/quarterly.csv?fiscalYear=R5",
                MediaType.parseMediaType("text/csv;charset=UTF-8"));
        assertThat(Arrays.copyOf(file, 3)).as("UTF-8 byte order mark")
                .containsExactly(0xEF, 0xBB, 0xBF);
        String csv = new String(file, 3, file.length - 3, StandardCharsets.UTF_8);
        assertThat(csv).startsWith("番号,体系,重点事業,事業・取組みの名称,主管課等,現年度の進捗状況 1期,"
                + "現年度の進捗状況 2期,現年度の進捗状況 3期,現年度の進捗状況 4期,4期の評価理由（○、◎以外） 選択肢,"
                + "4期の評価理由（○、◎以外） 理由,備考\r\n");
        Map<String, Integer> quarters = new HashMap<>();
        Matcher symbols = Pattern.compile("\r\n[^\r\n]*?,([^,]*),([^,]*),([^,]*),([^,]*),([234]?),").matcher(csv);
        while (symbols.find()) {
            quarters.merge(symbols.group(1) + symbols.group(2) + symbols.group(3) + symbols.group(4), 1, Integer::sum);
        }
        assertThat(quarters).containsEntry("○○○○", 108).containsEntry("□□□□", 20).containsEntry("////", 5)
                .containsEntry("△△△△", 3).containsEntry("○○○◎", 1).containsEntry("××××", 1);
    }

    @Test
    void tamasKpiWorkbookPrintsFiguresAndTargetsAsTamaDoes() throws IOException {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                get("/municipalities/132241/plans/master-2025/progress/kpis").path("totalItems").asInt())
                .isEqualTo(7));
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                download("/municipalities/132241/plans/master-2025/progress/kpis.xlsx", XLSX)))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(cells(sheet.getRow(2))).containsExactly("方向性", "成果指標", "現状値", "次回数値更新（予定）", "目標",
                    "最新値", "公表日", "評価", "出典");
            Map<String, List<String>> rows = new HashMap<>();
            for (int i = 3; i <= sheet.getLastRowNum(); i++) {
                rows.put(text(sheet, i, 1), cells(sheet.getRow(i)));
            }
            // word for word as seeds/000_a74f9ffb37862899.txt prints them, its 「事業章」 included
            assertThat(rows.get("市内事業所数").subList(0, 5)).containsExactly("I 活力と魅力あふれるまちづくり", "市内事業所数",
                    "3,603事業所 (2021年)", "令和7年12月頃", "3,900事業章以上 (2034年)");
            assertThat(rows.get("市内付加価値増加率").get(2)).isEqualTo("0.0% (298,321百万円) (2020年)");
            assertThat(rows.get("昼夜間人口比").get(4)).isEqualTo("110% (2030年)");
            assertThat(rows.get("開業率").subList(0, 5)).containsExactly("Ⅱ 誰でも挑戦できるまちづくり", "開業率",
                    "6.12% (2016~2021年)", "令和7年12月頃", "開業率が廃業率を上回る (2031~2034年)");
            assertThat(rows.get("就業者の流出入数").subList(2, 5)).containsExactly("1,312人の流出過多 (2020年)", "令和8年",
                    "流入過多を目指す (2030年)");
            assertThat(rows.get("開業率").get(7)).isEqualTo("未公表");
        }
    }

    @Test
    void theDemoCitiesHaveNoReportOverdueForTheYearsTheirTablesCover() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(get(
                "/municipalities/132039/plans/sangyo-2/progress/quarterly?fiscalYear=R5").path("totalItems").asInt())
                .isEqualTo(138));
        assertThat(get("/cross-city/missing-reports?fiscalYear=R5&municipality=132039").path("totalItems").asInt())
                .as("every one of Musashino's 138 rows has its four quarters of FY2023").isZero();
        assertThat(get("/cross-city/missing-reports?fiscalYear=R6&municipality=132039").path("totalItems").asInt())
                .as("the second plan's last year is FY2023, and the new plan's items name no organisation")
                .isZero();
        for (String year : List.of("R5", "R6", "R7")) {
            assertThat(get("/cross-city/missing-reports?fiscalYear=" + year + "&municipality=132284")
                    .path("totalItems").asInt()).as("Akiruno's actuals of " + year).isZero();
        }
    }

    @Test
    void tablesFilterByOrganisationSymbolAndRating() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(get(
                "/municipalities/132039/plans/sangyo-2/progress/quarterly?fiscalYear=R5").path("totalItems").asInt())
                .isEqualTo(138));
        JsonNode delayed = get("/municipalities/132039/plans/sangyo-2/progress/quarterly?fiscalYear=R5&symbol=△");
        assertThat(delayed.path("totalItems").asInt()).as("the three △△△△ rows").isEqualTo(3);
        String organisation = delayed.path("items").path(0).path("organisation").asString();
        JsonNode ofOne = get("/municipalities/132039/plans/sangyo-2/progress/quarterly?fiscalYear=R5&organisation="
                + organisation);
        assertThat(ofOne.path("items").valueStream().map(row -> row.path("organisation").asString()).distinct())
                .containsExactly(organisation);

        long printedC = SeedLoader.akirunoBusinesses().values().stream().filter(business -> business.path("years")
                .path("2025").path("rating").asString("").equals("C")).count();
        assertThat(get("/municipalities/132284/plans/shoko-2023/progress/annual?fiscalYear=R7&rating=C")
                .path("totalItems").asInt()).isEqualTo((int) printedC).isPositive();
    }

    @Test
    void anUnknownExportFormatIsABadRequestNamingTheField() {
        analyst.get().uri("/municipalities/132241/plans/master-2025/progress/kpis.pdf").exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("format")
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("xlsx or csv"));
    }

    @Test
    void aClerkWhoJustSavedReadsTheSaveByWaitingForItsPosition() {
        JsonNode first = await().atMost(Duration.ofSeconds(60)).until(() -> analyst.get()
                .uri("/municipalities/132039/plans/sangyo-2/progress/quarterly?fiscalYear=R5&size=1").exchange()
                .returnResult(String.class).getResponseBody(), body -> body != null && body.contains("\"itemId\""))
                .transform(JSON::readTree).path("items").path(0);
        RestTestClient clerk = RestTestClient.bindToServer().baseUrl(CommandServiceProcess.baseUrl().toString())
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.of(new Actor("clerk",
                        Role.MUNICIPAL_EDITOR, MunicipalityCode.of(SeedLoader.MUSASHINO), null)))
                .build();
        // the plan's only year is FY2023: the clerk changes a seed status and puts it back afterwards
        String seeded = first.path("quarters").path(0).asString();
        String changed = seeded.equals("△") ? "○" : "△";
        String status = "/municipalities/132039/plans/sangyo-2/items/{item}/period-status/R5/1";
        String position = clerk.put().uri(status, first.path("itemId").asString())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("organisation", first.path("organisation").asString(), "symbol", changed,
                        "expectedVersion", 1))
                .exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst(ReadYourWrites.POSITION_HEADER);
        assertThat(position).isNotNull();

        String table = analyst.get().uri("/municipalities/132039/plans/sangyo-2/progress/quarterly?fiscalYear=R5&"
                        + ReadYourWrites.WAIT_PARAMETER + "=" + position).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(ReadYourWrites.REACHED_HEADER, "true")
                .returnResult(String.class).getResponseBody();
        JsonNode row = JSON.readTree(table).path("items").path(0);
        assertThat(row.path("itemId").asString()).isEqualTo(first.path("itemId").asString());
        assertThat(row.path("quarters").path(0).asString()).isEqualTo(changed);
        String back = clerk.put().uri(status, first.path("itemId").asString())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("organisation", first.path("organisation").asString(), "symbol", seeded,
                        "expectedVersion", 2))
                .exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst(ReadYourWrites.POSITION_HEADER);
        analyst.get().uri("/municipalities/132039/plans/sangyo-2/progress/quarterly?fiscalYear=R5&"
                        + ReadYourWrites.WAIT_PARAMETER + "=" + back).exchange()
                .expectHeader().valueEquals(ReadYourWrites.REACHED_HEADER, "true");
    }

    @Test
    void aPositionThatIsNoNumberIsABadRequestNamingIt() {
        analyst.get().uri("/municipalities/132039/plans/sangyo-2/progress/quarterly?fiscalYear=R5&"
                        + ReadYourWrites.WAIT_PARAMETER + "=latest").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(ReadYourWrites.WAIT_PARAMETER);
    }

    private byte[] download(String path, MediaType type) {
        return analyst.get().uri(path).exchange().expectStatus().isOk()
                .expectHeader().contentType(type)
                .expectHeader().value(HttpHeaders.CONTENT_DISPOSITION, disposition -> assertThat(disposition)
                        .startsWith("attachment; filename=").contains("filename*=UTF-8''"))
                .expectBody(byte[].class).returnResult().getResponseBody();
    }

    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>();
        row.forEach(cell -> cells.add(cell.getCellType() == CellType.NUMERIC ? number(cell)
                : cell.getStringCellValue()));
        return cells;
    }

    private static String text(Sheet sheet, int row, int column) {
        return sheet.getRow(row).getCell(column).getStringCellValue();
    }

    private static String number(Cell cell) {
        return cell.getCellType() == CellType.NUMERIC
                ? new BigDecimal(String.valueOf(cell.getNumericCellValue())).stripTrailingZeros().toPlainString() : "";
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
