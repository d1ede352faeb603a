package jp.shinko.query.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.calendar.Quarter;
import jp.shinko.events.kpi.KpiDefined;
import jp.shinko.events.kpi.KpiFigure;
import jp.shinko.events.kpi.KpiId;
import jp.shinko.events.kpi.KpiObservationRecorded;
import jp.shinko.events.kpi.KpiTarget;
import jp.shinko.events.kpi.ReferencePeriod;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.municipality.MunicipalityRegistered;
import jp.shinko.events.plan.ItemId;
import jp.shinko.events.plan.PlanAdopted;
import jp.shinko.events.plan.PlanId;
import jp.shinko.events.plan.PlanItemAdded;
import jp.shinko.events.plan.PlanItemContent;
import jp.shinko.events.progress.AnnualActualRecorded;
import jp.shinko.events.progress.AnnualTargetSet;
import jp.shinko.events.progress.IndicatorDefined;
import jp.shinko.events.progress.PeriodStatusRecorded;
import jp.shinko.events.settings.RatingBand;
import jp.shinko.events.settings.RatingScheme;
import jp.shinko.events.settings.RatingSchemeAdopted;
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
 * The rating bands at their edges and the year-over-year history, read through the API from
 * events of one Aomori municipality (02), which no other test uses.
 */
@QueryServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgressHistoryTest {

    private static final MunicipalityCode AOMORI = MunicipalityCode.of("022012");
    private static final String PLAN = "edge";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    RestTestClient viewer;

    @BeforeAll
    void storeTheFacts() {
        StoredEvents.append("Municipality", AOMORI.value(), 0, List.of(
                new MunicipalityRegistered(AOMORI, "青森市", "Aomori"),
                // from FY2026 a stricter scheme: A from 100%, C at 60% or less
                new RatingSchemeAdopted(AOMORI, FiscalYear.of(2026), new RatingScheme(List.of(
                        RatingBand.atLeast("S", "目標値以上", 120), RatingBand.atLeast("A", "目標値どおり", 100),
                        RatingBand.above("B", "要改善", 60), RatingBand.rest("C", "要大幅改善"))))));
        List<Object> events = new ArrayList<>(List.of(
                new PlanAdopted(AOMORI, PlanId.of(PLAN), "産業振興計画", FiscalYear.of(2021), FiscalYear.of(2027)),
                item("bands", "1"), item("near", "2"),
                new IndicatorDefined(AOMORI, PlanId.of(PLAN), ItemId.of("bands"), "創業件数", "件", BigDecimal.valueOf(80),
                        FiscalYear.of(2020)),
                new IndicatorDefined(AOMORI, PlanId.of(PLAN), ItemId.of("near"), "来場者数", "人", null, null)));
        // bands: exactly 50% (C), 90% (A), 120% (S); target 0; 100% under the FY2026 scheme; no actual in FY2027
        figures(events, "bands", 2021, "100", "50");
        figures(events, "bands", 2022, "100", "90");
        figures(events, "bands", 2023, "100", "120");
        figures(events, "bands", 2024, "0", "5");
        figures(events, "bands", 2025, "100", "99.99");
        figures(events, "bands", 2026, "100", "99.99");
        figures(events, "bands", 2027, "100", null);
        // near: shown rounded to 50.0% and 90.0%, rated by the exact rate, so B and B
        figures(events, "near", 2022, "10000", "5004");
        figures(events, "near", 2023, "10000", "8996");
        // an actual before any target: shown, neither rated nor rated against anything
        events.add(new AnnualActualRecorded(AOMORI, PlanId.of(PLAN), ItemId.of("near"), FiscalYear.of(2024),
                new BigDecimal("7"), "件", null));
        events.add(status("bands", 2023, 1, "○"));
        events.add(status("bands", 2023, 4, "△"));
        events.add(status("bands", 2024, 1, "◎"));
        events.add(new KpiDefined(AOMORI, PlanId.of(PLAN), KpiId.of("establishments"), "市内事業所数", "事業所", "経済センサス",
                new KpiFigure(BigDecimal.valueOf(3603), new ReferencePeriod(2021, 2021), null, null), null,
                new KpiTarget.AtLeast(BigDecimal.valueOf(3900), 2034)));
        events.add(observation(2024, 3500));
        events.add(observation(2022, 3650));
        StoredEvents.append("Plan", AOMORI.value() + ":plan:" + PLAN, 0, events);

        viewer = RestTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.of(
                        new Actor("viewer", Role.MUNICIPAL_VIEWER, AOMORI, null)))
                .build();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(get("history/kpis/establishments").path("figures")).hasSize(2);
            assertThat(get("annual").path("items").path(0).path("years")).hasSize(7);
        });
    }

    @Test
    void ratingsAtTheEdgesOfTheBandsFollowTheSchemeOfTheirYear() {
        JsonNode bands = get("annual").path("items").path(0);
        assertThat(bands.path("itemId").asString()).isEqualTo("bands");
        assertThat(yearsOf(bands)).containsExactly(
                "2021 100/50 50.0% C",
                "2022 100/90 90.0% A",
                "2023 100/120 120.0% S",
                "2024 0/5 - -",
                "2025 100/99.99 100.0% A",
                "2026 100/99.99 100.0% B",
                "2027 100/- - -");
        assertThat(yearsOf(get("annual").path("items").path(1))).containsExactly(
                "2022 10000/5004 50.0% B",
                "2023 10000/8996 90.0% B",
                "2024 -/7 - -");
    }

    @Test
    void anItemsHistoryShowsEachYearBesideTheChangeFromTheYearBefore() {
        JsonNode history = get("history/items/bands");
        assertThat(history.path("indicator").asString()).isEqualTo("創業件数");
        assertThat(history.path("baselineValue").asInt()).isEqualTo(80);
        List<String> changes = new ArrayList<>();
        for (JsonNode year : history.path("years")) {
            JsonNode change = year.path("change");
            changes.add(year.path("fiscalYearJapanese").asString() + " " + (change.isMissingNode() ? "-"
                    : change.path("actual").asString() + " " + change.path("achievementPoints").asString("-")
                            + " " + change.path("previousRating").asString("-")));
        }
        assertThat(changes).containsExactly("令和3年度 -", "令和4年度 40 40.0 C", "令和5年度 30 30.0 A",
                "令和6年度 -115 - S", "令和7年度 94.99 - -", "令和8年度 0.0 0.0 A", "令和9年度 -");
        JsonNode fy2023 = history.path("years").path(2);
        assertThat(fy2023.path("figures").path("rating").asString()).isEqualTo("S");
        assertThat(fy2023.path("statuses").path(0).path("quarters").valueStream()
                .map(symbol -> symbol.isNull() ? "-" : symbol.asString()).toList())
                .containsExactly("○", "-", "-", "△");
        assertThat(history.path("years").path(3).path("statuses").path(0).path("quarters").path(0).asString())
                .isEqualTo("◎");
    }

    @Test
    void aKpisHistoryListsItsFiguresInReferenceOrderWithChangeAndStanding() {
        List<String> points = get("history/kpis/establishments").path("figures").valueStream()
                .map(point -> point.path("reference").path("fromYear").asInt() + " " + point.path("value").asInt()
                        + " " + point.path("change").asInt() + " since " + point.path("changeSince").path("toYear")
                        .asInt() + " " + point.path("assessment").asString())
                .toList();
        // a straight line from 3,603 (2021) to 3,900 (2034) passes about 3,626 in 2022 and 3,649 in 2024
        assertThat(points).containsExactly("2022 3650 47 since 2021 ON_TRACK", "2024 3500 -150 since 2022 BEHIND");
    }

    @Test
    void anUnknownItemOrKpiIsNotFound() {
        for (String path : List.of("history/items/nothing", "history/kpis/nothing")) {
            viewer.get().uri("/municipalities/{code}/plans/{plan}/progress/" + path, AOMORI.value(), PLAN)
                    .exchange().expectStatus().isNotFound();
        }
    }

    private static List<String> yearsOf(JsonNode row) {
        return row.path("years").valueStream()
                .map(year -> year.path("fiscalYear").asInt() + " " + year.path("target").asString("-") + "/"
                        + year.path("actual").asString("-") + " "
                        + (year.has("achievementPercent") ? year.path("achievementPercent").asString() + "%" : "-")
                        + " " + year.path("rating").asString("-"))
                .toList();
    }

    private JsonNode get(String table) {
        return JSON.readTree(viewer.get().uri("/municipalities/{code}/plans/{plan}/progress/" + table,
                        AOMORI.value(), PLAN)
                .exchange().expectStatus().isOk().returnResult(String.class).getResponseBody());
    }

    private static PlanItemAdded item(String id, String number) {
        return new PlanItemAdded(AOMORI, PlanId.of(PLAN), ItemId.of(id), null, new PlanItemContent(number,
                "事業" + number,
                List.of("商工労政課"), null, null, null, null, null));
    }

    private static void figures(List<Object> events, String item, int year, String target, String actual) {
        events.add(new AnnualTargetSet(AOMORI, PlanId.of(PLAN), ItemId.of(item), FiscalYear.of(year),
                new BigDecimal(target), "件", null));
        if (actual != null) {
            events.add(new AnnualActualRecorded(AOMORI, PlanId.of(PLAN), ItemId.of(item), FiscalYear.of(year),
                    new BigDecimal(actual), "件",
                    null));
        }
    }

    private static PeriodStatusRecorded status(String item, int year, int quarter, String symbol) {
        return new PeriodStatusRecorded(AOMORI, PlanId.of(PLAN), ItemId.of(item), "商工労政課", FiscalYear.of(year),
                Quarter.of(quarter),
                symbol, null, null, null);
    }

    private static KpiObservationRecorded observation(int year, int value) {
        return new KpiObservationRecorded(AOMORI, PlanId.of(PLAN), KpiId.of("establishments"),
                new KpiFigure(BigDecimal.valueOf(value), new ReferencePeriod(year, year), null, null), null);
    }
}
