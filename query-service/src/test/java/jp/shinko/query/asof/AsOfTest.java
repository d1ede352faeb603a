package jp.shinko.query.asof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.calendar.TokyoTime;
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
import jp.shinko.events.settings.RatingBand;
import jp.shinko.events.settings.RatingScheme;
import jp.shinko.events.settings.RatingSchemeAdopted;
import jp.shinko.infra.eventstore.StoredPositions;
import jp.shinko.query.DemoData;
import jp.shinko.query.DemoData.Answer;
import jp.shinko.query.DemoData.Checkpoint;
import jp.shinko.query.QueryServiceTest;
import jp.shinko.query.StoredEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * "As of" answers: the same fold as the live tables, so at every instant the demo data passed
 * through while it was entered, each view answers as of that instant exactly what it answered
 * live then. Corrections and rating schemes recorded later stay out of an earlier answer; one
 * Kanagawa municipality (141003) is this class's own.
 */
@QueryServiceTest
class AsOfTest {

    private static final MunicipalityCode YOKOHAMA = MunicipalityCode.of("141003");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    StoredPositions positions;


    @Test
    void everyViewAsOfAnInstantAnswersWhatItAnsweredLiveThen() {
        List<Checkpoint> checkpoints = DemoData.enterOnce(port, positions);
        assertThat(checkpoints).hasSizeGreaterThan(20);
        int compared = 0;
        for (Checkpoint checkpoint : checkpoints) {
            String asOf = TokyoTime.of(checkpoint.at()).toString();
            for (String view : DemoData.WATCHED) {
                HttpResponse<String> past = DemoData.get(port, view + (view.contains("?") ? "&" : "?")
                        + AsOf.PARAMETER + "=" + URLEncoder.encode(asOf, StandardCharsets.UTF_8));
                assertThat(new Answer(past.statusCode(), past.body())).as(view + " as of " + asOf)
                        .isEqualTo(checkpoint.answers().get(view));
                assertThat(past.headers().firstValue(AsOf.HEADER)).as(view).contains(asOf);
                compared++;
            }
        }
        assertThat(compared).isEqualTo(checkpoints.size() * DemoData.WATCHED.size());
        String tamaKpis = "/municipalities/132241/plans/master-2025/progress/kpis";
        assertThat(checkpoints.get(0).answers().get(tamaKpis).status()).as("before Tama's plan").isEqualTo(404);
        assertThat(checkpoints.get(checkpoints.size() - 1).answers().get(tamaKpis).status()).isEqualTo(200);
    }

    @Test
    void aDateAloneIsTheEndOfThatDayInTokyo() {
        DemoData.enterOnce(port, positions);
        LocalDate today = LocalDate.now(TokyoTime.ZONE);
        HttpResponse<String> yesterday = DemoData.get(port, "/municipalities/132284?asOf=" + today.minusDays(1));
        assertThat(yesterday.statusCode()).as("registered today").isEqualTo(404);
        assertThat(yesterday.headers().firstValue(AsOf.HEADER)).contains(today.minusDays(1) + "T23:59:59.999999+09:00");
        HttpResponse<String> endOfToday = DemoData.get(port,
                "/municipalities/132284/plans/shoko-2023/progress/annual?asOf=" + today);
        assertThat(endOfToday.statusCode()).isEqualTo(200);
        assertThat(endOfToday.body()).isEqualTo(DemoData.get(port,
                "/municipalities/132284/plans/shoko-2023/progress/annual").body());
    }

    @Test
    void aCorrectionAndASchemeRecordedLaterAreLeftOutOfAnEarlierAnswer() {
        StoredEvents.append("Municipality", YOKOHAMA.value(), 0,
                List.of(new MunicipalityRegistered(YOKOHAMA, "横浜市", "Yokohama")));
        String plan = YOKOHAMA.value() + ":plan:p";
        StoredEvents.append("Plan", plan, 0, List.of(
                new PlanAdopted(YOKOHAMA, PlanId.of("p"), "産業振興計画", FiscalYear.of(2023), FiscalYear.of(2025)),
                new PlanItemAdded(YOKOHAMA, PlanId.of("p"), ItemId.of("i"), null, new PlanItemContent("1", "創業支援",
                        List.of("経済局"), null, null, null, null, null)),
                new IndicatorDefined(YOKOHAMA, PlanId.of("p"), ItemId.of("i"), "創業件数", "件", null, null),
                new AnnualTargetSet(YOKOHAMA, PlanId.of("p"), ItemId.of("i"), FiscalYear.of(2023),
                        new BigDecimal("100"), "件", null),
                new AnnualActualRecorded(YOKOHAMA, PlanId.of("p"), ItemId.of("i"), FiscalYear.of(2023),
                        new BigDecimal("95"), "件", null)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(fy2023(null).path("actual").asInt()).isEqualTo(95));
        Instant firstReport = Instant.now().truncatedTo(ChronoUnit.MILLIS); // as precise as recorded times
        await().until(() -> Instant.now().truncatedTo(ChronoUnit.MILLIS).isAfter(firstReport));

        StoredEvents.append("Plan", plan, 5, List.of(new AnnualActualRecorded(YOKOHAMA, PlanId.of("p"),
                ItemId.of("i"),
                FiscalYear.of(2023), new BigDecimal("85"), "件", "集計誤りの訂正")));
        StoredEvents.append("Municipality", YOKOHAMA.value(), 1, List.of(new RatingSchemeAdopted(YOKOHAMA,
                FiscalYear.of(2023), new RatingScheme(List.of(RatingBand.atLeast("A", "達成", 100),
                        RatingBand.above("B", "概ね達成", 80), RatingBand.rest("C", "未達成"))))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(fy2023(null).path("rating").asString()).isEqualTo("B"));

        JsonNode now = fy2023(null);
        assertThat(now.path("actual").asInt()).isEqualTo(85);
        assertThat(now.path("actualCorrectionReason").asString()).isEqualTo("集計誤りの訂正");
        JsonNode then = fy2023(firstReport);
        assertThat(then.path("actual").asInt()).as("FY2023 as known at the first report").isEqualTo(95);
        assertThat(then.path("rating").asString()).as("by the default scheme then in force").isEqualTo("A");
        assertThat(then.has("actualCorrectionReason")).isFalse();

        // the live summary keeps counts as rows change; a new scheme counts the city's figures again
        String summary = "/cross-city/summary?fiscalYear=2023&municipality=" + YOKOHAMA.value();
        String live = DemoData.get(port, summary).body();
        assertThat(JSON.readTree(live).path("items").path(0).path("ratings").path("B").asInt())
                .as("85% under the new scheme").isEqualTo(1);
        assertThat(JSON.readTree(live).path("items").path(0).path("ratings").path("A").asInt()).isZero();
        assertThat(live).as("the counts kept equal the rows folded again").isEqualTo(DemoData.get(port, summary
                + "&asOf=" + URLEncoder.encode(TokyoTime.of(Instant.now()).toString(), StandardCharsets.UTF_8)).body());
        assertThat(JSON.readTree(DemoData.get(port, summary + "&asOf=" + URLEncoder.encode(
                        TokyoTime.of(firstReport).toString(), StandardCharsets.UTF_8)).body())
                .path("items").path(0).path("ratings").path("A").asInt()).isEqualTo(1);
    }

    @Test
    void anAsOfThatIsNoTimeIsRefusedNamingTheParameter() {
        for (String wrong : List.of("2024-13-01", "2024-05-01T09:00:00", "yesterday", "+10000-01-01T00:00:00Z")) {
            HttpResponse<String> answer = DemoData.get(port, "/cross-city/summary?asOf="
                    + URLEncoder.encode(wrong, StandardCharsets.UTF_8));
            assertThat(answer.statusCode()).as(wrong).isEqualTo(400);
            assertThat(JSON.readTree(answer.body()).path("errors").path(0).path("field").asString()).as(wrong)
                    .isEqualTo("asOf");
        }
    }

    /** Yokohama's FY2023 figures as an auditor reads them, now or as of an instant. */
    private JsonNode fy2023(Instant asOf) {
        String query = asOf == null ? ""
                : "&asOf=" + URLEncoder.encode(TokyoTime.of(asOf).toString(), StandardCharsets.UTF_8);
        HttpResponse<String> answer = DemoData.get(port,
                "/municipalities/" + YOKOHAMA.value() + "/plans/p/progress/annual?fiscalYear=2023" + query);
        assertThat(answer.statusCode()).isEqualTo(200);
        return JSON.readTree(answer.body()).path("items").path(0).path("years").path(0);
    }
}
