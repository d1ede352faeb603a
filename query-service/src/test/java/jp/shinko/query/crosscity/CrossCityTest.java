package jp.shinko.query.crosscity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.calendar.Quarter;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.municipality.MunicipalityRegistered;
import jp.shinko.events.plan.ItemId;
import jp.shinko.events.plan.PlanAdopted;
import jp.shinko.events.plan.PlanId;
import jp.shinko.events.plan.PlanItemAdded;
import jp.shinko.events.plan.PlanItemContent;
import jp.shinko.events.plan.PlanItemRetired;
import jp.shinko.events.progress.AnnualActualRecorded;
import jp.shinko.events.progress.AnnualTargetSet;
import jp.shinko.events.progress.IndicatorDefined;
import jp.shinko.events.progress.PeriodStatusRecorded;
import jp.shinko.events.settings.ReportingDeadlines;
import jp.shinko.events.settings.ReportingDeadlinesAdopted;
import jp.shinko.infra.testsupport.TestTokens;
import jp.shinko.query.QueryServiceTest;
import jp.shinko.query.StoredEvents;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The metropolitan views across two Miyagi municipalities (04), which no other test uses:
 * counts by rating and symbol, items by focus theme, and reports overdue by each city's own
 * deadlines. The plans are of FY2019–2020, so every deadline has passed whenever this runs.
 */
@QueryServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossCityTest {

    private static final MunicipalityCode SENDAI = MunicipalityCode.of("041009");
    private static final MunicipalityCode ISHINOMAKI = MunicipalityCode.of("042021");
    private static final String ONLY_OURS = "&municipality=";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    RestTestClient analyst;

    @BeforeAll
    void storeTwoCities() {
        StoredEvents.append("Municipality", SENDAI.value(), 0, List.of(
                new MunicipalityRegistered(SENDAI, "仙台市", "Sendai"),
                new ReportingDeadlinesAdopted(SENDAI, new ReportingDeadlines(45, 60))));
        StoredEvents.append("Municipality", ISHINOMAKI.value(), 0,
                List.of(new MunicipalityRegistered(ISHINOMAKI, "石巻市", "Ishinomaki")));
        // Sendai's quarterly plan: a heading, a row of two organisations, a retired row never reported
        List<Object> quarterly = new ArrayList<>(List.of(
                new PlanAdopted(SENDAI, PlanId.of("q"), "仙台市経済成長デザイン", FiscalYear.of(2019), FiscalYear.of(2020)),
                item(SENDAI, "q", "root", null, "1", List.of("経済企画課"), List.of()),
                item(SENDAI, "q", "a", "root", "1-1", List.of("経済企画課", "産業振興課"), List.of("DX")),
                item(SENDAI, "q", "r", "root", "1-2", List.of("経済企画課"), List.of()),
                new PlanItemRetired(SENDAI, PlanId.of("q"), ItemId.of("r"), "事業終了")));
        String[] planning = {"○", "○", "△", "◎"};
        String[] industry = {"○", "□", "○"};
        for (int quarter = 1; quarter <= 4; quarter++) {
            quarterly.add(status("a", "経済企画課", quarter, planning[quarter - 1]));
            if (quarter <= 3) {
                quarterly.add(status("a", "産業振興課", quarter, industry[quarter - 1]));
            }
        }
        StoredEvents.append("Plan", SENDAI.value() + ":plan:q", 0, quarterly);
        // Sendai's annual plan: one actual for FY2019, none yet for FY2020
        StoredEvents.append("Plan", SENDAI.value() + ":plan:y", 0, List.of(
                new PlanAdopted(SENDAI, PlanId.of("y"), "仙台市産業振興指標", FiscalYear.of(2019), FiscalYear.of(2020)),
                item(SENDAI, "y", "b", null, "1", List.of("経済企画課"), List.of("脱炭素・エネ", "DX")),
                new IndicatorDefined(SENDAI, PlanId.of("y"), ItemId.of("b"), "支援件数", "件", null, null),
                new AnnualTargetSet(SENDAI, PlanId.of("y"), ItemId.of("b"), FiscalYear.of(2019),
                        BigDecimal.valueOf(100), "件", null),
                new AnnualActualRecorded(SENDAI, PlanId.of("y"), ItemId.of("b"), FiscalYear.of(2019),
                        BigDecimal.valueOf(95), "件", null),
                new AnnualTargetSet(SENDAI, PlanId.of("y"), ItemId.of("b"), FiscalYear.of(2020),
                        BigDecimal.valueOf(100), "件", null)));
        StoredEvents.append("Plan", ISHINOMAKI.value() + ":plan:p", 0, List.of(
                new PlanAdopted(ISHINOMAKI, PlanId.of("p"), "石巻市産業振興計画", FiscalYear.of(2019), FiscalYear.of(2019)),
                item(ISHINOMAKI, "p", "c", null, "1", List.of("商工課"), List.of("若者")),
                new IndicatorDefined(ISHINOMAKI, PlanId.of("p"), ItemId.of("c"), "創業件数", "件", null, null),
                new AnnualTargetSet(ISHINOMAKI, PlanId.of("p"), ItemId.of("c"), FiscalYear.of(2019), BigDecimal.TEN,
                        "件", null),
                new AnnualActualRecorded(ISHINOMAKI, PlanId.of("p"), ItemId.of("c"), FiscalYear.of(2019),
                        BigDecimal.valueOf(4), "件",
                        null)));
        analyst = client(new Actor("analyst", Role.METRO_ANALYST, null, null));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                get(analyst, "/cross-city/summary?fiscalYear=2019" + ONLY_OURS + ISHINOMAKI).path("items")).hasSize(1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                get(analyst, "/cross-city/summary?fiscalYear=2019" + ONLY_OURS + SENDAI).path("items").path(0)
                        .path("ratings").path("A").asInt()).isEqualTo(1));
    }

    @Test
    void eachCityYearCountsItsRatingsAndItsSymbolsPerQuarter() {
        JsonNode sendai = get(analyst, "/cross-city/summary?fiscalYear=R1" + ONLY_OURS + SENDAI).path("items").path(0);
        assertThat(sendai.path("municipalityName").asString()).isEqualTo("仙台市");
        assertThat(sendai.path("fiscalYearJapanese").asString()).isEqualTo("令和元年度");
        assertThat(JSON.convertValue(sendai.path("ratings"), Map.class)).containsExactly(
                Map.entry("S", 0), Map.entry("A", 1), Map.entry("B", 0), Map.entry("C", 0));
        assertThat(JSON.convertValue(sendai.path("statusSymbols"), Map.class)).isEqualTo(Map.of(
                "1期", Map.of("○", 2), "2期", Map.of("○", 1, "□", 1), "3期", Map.of("△", 1, "○", 1),
                "4期", Map.of("◎", 1)));
        JsonNode sendai2020 = get(analyst, "/cross-city/summary?fiscalYear=2020" + ONLY_OURS + SENDAI)
                .path("items").path(0);
        assertThat(sendai2020.path("notRated").asInt()).as("a target without an actual").isEqualTo(1);
        JsonNode ishinomaki = get(analyst, "/cross-city/summary" + "?" + ONLY_OURS.substring(1) + ISHINOMAKI)
                .path("items").path(0);
        assertThat(ishinomaki.path("ratings").path("C").asInt()).as("40% is C").isEqualTo(1);
    }

    @Test
    void theSummaryIsPagedByMunicipalityYearAndCountsThemAll() {
        String sendai = "/cross-city/summary?size=1" + ONLY_OURS + SENDAI + "&page=";

        JsonNode first = get(analyst, sendai + 0);
        JsonNode second = get(analyst, sendai + 1);
        JsonNode past = get(analyst, sendai + 2);

        assertThat(first.path("totalItems").asInt()).isEqualTo(2);
        assertThat(first.path("items").path(0).path("fiscalYear").asInt()).isEqualTo(2019);
        assertThat(second.path("items").path(0).path("fiscalYear").asInt()).isEqualTo(2020);
        assertThat(past.path("items")).isEmpty();
        assertThat(past.path("totalItems").asInt()).isEqualTo(2);
        JsonNode everyCity = get(analyst, "/cross-city/summary?fiscalYear=2019&size=500");
        assertThat(everyCity.path("items").valueStream().map(item -> item.path("municipalityCode").asString()))
                .as("in code order").contains(SENDAI.value(), ISHINOMAKI.value()).isSorted();
    }

    @Test
    void itemsOfAFocusThemeComeFromEveryCityThatTaggedOne() {
        List<String> dx = get(analyst, "/cross-city/focus-themes?theme=DX&size=500").path("items").valueStream()
                .filter(item -> item.path("municipalityCode").asString().startsWith("04"))
                .map(item -> item.path("municipalityCode").asString() + " " + item.path("planName").asString() + " "
                        + item.path("title").asString())
                .toList();
        assertThat(dx).containsExactly("041009 仙台市経済成長デザイン 事業1-1", "041009 仙台市産業振興指標 事業1");
        List<String> any = get(analyst, "/cross-city/focus-themes?size=500").path("items").valueStream()
                .filter(item -> item.path("municipalityCode").asString().startsWith("04"))
                .map(item -> item.path("itemId").asString()).toList();
        assertThat(any).containsExactly("a", "b", "c");
    }

    @Test
    void reportsOverdueByEachCitysDeadlineAreListedLongestOverdueFirst() {
        List<String> missing = get(analyst, "/cross-city/missing-reports?size=500" + ONLY_OURS + SENDAI)
                .path("items").valueStream()
                .map(report -> report.path("planId").asString() + " " + report.path("itemId").asString() + " "
                        + report.path("kind").asString() + " " + report.path("organisation").asString("-") + " "
                        + report.path("period").asString() + " due " + report.path("dueOn").asString())
                .toList();
        // quarters due 45 days after their end, fiscal years 60 days after 31 March (Sendai's deadlines)
        assertThat(missing).containsExactly(
                "q a status 産業振興課 令和元年度 4期 due 2020-05-15",
                "q a status 経済企画課 令和2年度 1期 due 2020-08-14",
                "q a status 産業振興課 令和2年度 1期 due 2020-08-14",
                "q a status 経済企画課 令和2年度 2期 due 2020-11-14",
                "q a status 産業振興課 令和2年度 2期 due 2020-11-14",
                "q a status 経済企画課 令和2年度 3期 due 2021-02-14",
                "q a status 産業振興課 令和2年度 3期 due 2021-02-14",
                "q a status 経済企画課 令和2年度 4期 due 2021-05-15",
                "q a status 産業振興課 令和2年度 4期 due 2021-05-15",
                "y b actual - 令和2年度 due 2021-05-30");
        assertThat(get(analyst, "/cross-city/missing-reports?kind=actual" + ONLY_OURS + SENDAI).path("items")
                .valueStream().map(report -> report.path("itemId").asString()).toList()).containsExactly("b");
        assertThat(get(analyst, "/cross-city/missing-reports" + "?" + ONLY_OURS.substring(1) + ISHINOMAKI)
                .path("totalItems").asInt()).as("Ishinomaki reported its only actual").isZero();
    }

    @Test
    void overdueReportsAndFocusThemesAreCountedPerMunicipalityAndPerThemeAsTheListsHaveThem() {
        JsonNode sendai = get(analyst, "/cross-city/missing-reports/by-municipality?" + ONLY_OURS.substring(1)
                + SENDAI);
        assertThat(sendai.path("totalItems").asInt()).isEqualTo(1);
        JsonNode tally = sendai.path("items").get(0);
        assertThat(List.of(tally.path("municipalityName").asString(), tally.path("reports").asLong(),
                tally.path("statuses").asLong(), tally.path("actuals").asLong(), tally.path("oldestDueOn").asString()))
                .as("the ten reports listed longest overdue first").containsExactly("仙台市", 10L, 9L, 1L, "2020-05-15");
        JsonNode actuals = get(analyst, "/cross-city/missing-reports/by-municipality?kind=actual" + ONLY_OURS
                + SENDAI).path("items").get(0);
        assertThat(List.of(actuals.path("reports").asLong(), actuals.path("oldestDueOn").asString()))
                .containsExactly(1L, "2021-05-30");
        assertThat(get(analyst, "/cross-city/missing-reports/by-municipality?fiscalYear=R1" + ONLY_OURS + SENDAI)
                .path("items").get(0).path("reports").asLong()).as("令和元年度 4期 only").isEqualTo(1);
        assertThat(get(analyst, "/cross-city/missing-reports/by-municipality?" + ONLY_OURS.substring(1)
                + ISHINOMAKI).path("items")).as("Ishinomaki reported its only actual").isEmpty();

        List<String> themes = get(analyst, "/cross-city/focus-themes/by-theme?" + ONLY_OURS.substring(1) + SENDAI)
                .path("items").valueStream()
                .map(theme -> theme.path("theme").asString() + " " + theme.path("items").asLong() + " "
                        + theme.path("municipalities").valueStream()
                        .map(city -> city.path("municipalityCode").asString() + city.path("municipalityName")
                                .asString()).toList())
                .toList();
        assertThat(themes).containsExactly("DX 2 [041009仙台市]", "脱炭素・エネ 1 [041009仙台市]");
        List<String> everyCity = get(analyst, "/cross-city/focus-themes/by-theme").path("items").valueStream()
                .filter(theme -> theme.path("theme").asString().equals("DX"))
                .flatMap(theme -> theme.path("municipalities").valueStream())
                .map(city -> city.path("municipalityCode").asString()).toList();
        assertThat(everyCity).as("each municipality once, in code order").contains(SENDAI.value())
                .doesNotContain(ISHINOMAKI.value()).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void aMunicipalRoleSeesOnlyItsOwnCityInTheCrossCityViews() {
        RestTestClient viewer = client(new Actor("viewer", Role.MUNICIPAL_VIEWER, ISHINOMAKI, null));
        for (String view : List.of("summary", "focus-themes")) {
            assertThat(get(viewer, "/cross-city/" + view + "?size=500").path("items").valueStream()
                    .map(row -> row.path("municipalityCode").asString()).distinct().toList())
                    .as(view).containsExactly(ISHINOMAKI.value());
        }
        assertThat(get(viewer, "/cross-city/missing-reports?" + ONLY_OURS.substring(1) + SENDAI).path("totalItems")
                .asInt()).as("Sendai's overdue reports, asked for by Ishinomaki").isZero();
        assertThat(get(viewer, "/cross-city/missing-reports/by-municipality?" + ONLY_OURS.substring(1) + SENDAI)
                .path("items")).as("Sendai's overdue reports counted, asked for by Ishinomaki").isEmpty();
        assertThat(get(viewer, "/cross-city/focus-themes/by-theme").path("items").valueStream()
                .flatMap(theme -> theme.path("municipalities").valueStream())
                .map(city -> city.path("municipalityCode").asString()).distinct().toList())
                .containsExactly(ISHINOMAKI.value());
    }

    @Test
    void aMalformedMunicipalityOrKindIsABadRequestNamingIt() {
        analyst.get().uri("/cross-city/summary?municipality=04100").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("municipality");
        for (String view : List.of("missing-reports", "missing-reports/by-municipality")) {
            analyst.get().uri("/cross-city/" + view + "?kind=late").exchange()
                    .expectStatus().isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].field").isEqualTo("kind")
                    .jsonPath("$.errors[0].message").isEqualTo("a missing report is of kind status or actual");
        }
    }

    private static PlanItemAdded item(MunicipalityCode city, String plan, String id, String parent, String number,
            List<String> organisations, List<String> themes) {
        return new PlanItemAdded(city, PlanId.of(plan), ItemId.of(id), ItemId.ofNullable(parent),
                new PlanItemContent(number, "事業" + number, organisations,
                null, null, themes, null, null));
    }

    private static PeriodStatusRecorded status(String item, String organisation, int quarter, String symbol) {
        return new PeriodStatusRecorded(SENDAI, PlanId.of("q"), ItemId.of(item), organisation, FiscalYear.of(2019),
                Quarter.of(quarter),
                symbol, null, null, null);
    }

    private static JsonNode get(RestTestClient client, String path) {
        return JSON.readTree(client.get().uri(path).exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseBody());
    }

    private RestTestClient client(Actor actor) {
        return RestTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.of(actor)).build();
    }
}
