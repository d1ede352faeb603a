package jp.shinko.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.actor.Role;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.calendar.Quarter;
import jp.shinko.events.calendar.TokyoTime;
import jp.shinko.events.kpi.KpiFigure;
import jp.shinko.events.kpi.KpiId;
import jp.shinko.events.kpi.KpiObservationRecorded;
import jp.shinko.events.kpi.ReferencePeriod;
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
import jp.shinko.events.progress.NarrativeField;
import jp.shinko.events.progress.NarrativeRevised;
import jp.shinko.events.progress.PeriodStatusRecorded;
import jp.shinko.infra.testsupport.TestTokens;
import jp.shinko.query.QueryServiceTest;
import jp.shinko.query.StoredEvents;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who changed what and why: the history of single values and the difference of a whole plan
 * between two recorded times, from events of one Kanagawa municipality (141305, this class's
 * own) recorded by two people: a first report, then corrections with their reasons.
 */
@QueryServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailTest {

    private static final MunicipalityCode KAWASAKI = MunicipalityCode.of("141305");
    private static final String PLAN = KAWASAKI.value() + ":plan:p";
    private static final Actor CLERK = new Actor("tanaka", Role.MUNICIPAL_EDITOR, KAWASAKI, null);
    private static final Actor OFFICE = new Actor("suzuki", Role.MUNICIPAL_EDITOR, KAWASAKI, "経済労働局");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    RestTestClient auditor;
    Instant firstReport;

    @BeforeAll
    void recordAReportAndItsCorrections() {
        auditor = RestTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.of(Actor.of("kansa", Role.AUDITOR)))
                .build();
        StoredEvents.append("Municipality", KAWASAKI.value(), 0, Actor.of("ops", Role.ADMIN),
                List.of(new MunicipalityRegistered(KAWASAKI, "川崎市", "Kawasaki")));
        StoredEvents.append("Plan", PLAN, 0, CLERK, List.of(
                new PlanAdopted(KAWASAKI, PlanId.of("p"), "産業振興プラン", FiscalYear.of(2023), FiscalYear.of(2025)),
                new PlanItemAdded(KAWASAKI, PlanId.of("p"), ItemId.of("a"), null, new PlanItemContent("1", "創業支援",
                        List.of("経済労働局"), null, null, null, null, null)),
                new PlanItemAdded(KAWASAKI, PlanId.of("p"), ItemId.of("b"), null, new PlanItemContent("2", "販路開拓",
                        List.of("経済労働局"), null, null, null, null, null)),
                new AnnualTargetSet(KAWASAKI, PlanId.of("p"), ItemId.of("a"), FiscalYear.of(2023),
                        new BigDecimal("100"), "件", null),
                new AnnualActualRecorded(KAWASAKI, PlanId.of("p"), ItemId.of("a"), FiscalYear.of(2023),
                        new BigDecimal("80"), "件", null),
                status("○", null),
                new NarrativeRevised(KAWASAKI, PlanId.of("p"), ItemId.of("a"), FiscalYear.of(2023),
                        NarrativeField.RESULTS,
                        "相談窓口を開設", null)));
        firstReport = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        await().until(() -> Instant.now().truncatedTo(ChronoUnit.MILLIS).isAfter(firstReport));
        StoredEvents.append("Plan", PLAN, 8, OFFICE, List.of(
                new AnnualActualRecorded(KAWASAKI, PlanId.of("p"), ItemId.of("a"), FiscalYear.of(2023),
                        new BigDecimal("85"), "件",
                        "集計漏れ5件を追加"),
                status("△", "遅延の報告漏れ"),
                new NarrativeRevised(KAWASAKI, PlanId.of("p"), ItemId.of("a"), FiscalYear.of(2023),
                        NarrativeField.RESULTS,
                        "相談窓口を開設し、120件の相談に対応", "件数を追記"),
                new KpiObservationRecorded(KAWASAKI, PlanId.of("p"), KpiId.of("k"),
                        new KpiFigure(BigDecimal.valueOf(3650),
                        new ReferencePeriod(2021, 2022), null, null), LocalDate.of(2024, 3, 29)),
                new PlanItemRetired(KAWASAKI, PlanId.of("p"), ItemId.of("b"), "事業統合")));
    }

    @Test
    void anActualsHistoryShowsEachValueWhoRecordedItAndTheReasonForTheCorrection() {
        List<JsonNode> changes = changesOf("kind=actual&item=a&fiscalYear=R5");
        assertThat(changes).hasSize(2);
        assertThat(changes.get(0).has("before")).isFalse();
        assertThat(changes.get(0).path("after").asInt()).isEqualTo(80);
        assertThat(changes.get(0).path("actor").path("subject").asString()).isEqualTo("tanaka");
        assertThat(changes.get(0).has("correctionReason")).isFalse();
        assertThat(changes.get(1).path("before").asInt()).isEqualTo(80);
        assertThat(changes.get(1).path("after").asInt()).isEqualTo(85);
        assertThat(changes.get(1).path("correctionReason").asString()).isEqualTo("集計漏れ5件を追加");
        assertThat(changes.get(1).path("actor").path("subject").asString()).isEqualTo("suzuki");
        assertThat(changes.get(1).path("actor").path("role").asString()).isEqualTo("municipal-editor");
        assertThat(changes.get(1).path("actor").path("organisation").asString()).isEqualTo("経済労働局");
        assertThat(changes.get(1).path("eventType").asString()).isEqualTo("AnnualActualRecorded");
        assertThat(changesOf("kind=target&item=a&fiscalYear=2023")).as("the target was set once").hasSize(1);
    }

    @Test
    void aStatusANarrativeFieldAndAKpiFigureHaveTheirHistoriesToo() {
        List<JsonNode> status = changesOf("kind=status&item=a&organisation="
                + URLEncoder.encode("経済労働局", StandardCharsets.UTF_8) + "&fiscalYear=R5&quarter=1");
        assertThat(status).extracting(change -> change.path("after").path("symbol").asString())
                .containsExactly("○", "△");
        assertThat(status.get(1).path("before").path("symbol").asString()).isEqualTo("○");
        assertThat(status.get(1).path("correctionReason").asString()).isEqualTo("遅延の報告漏れ");

        List<JsonNode> results = changesOf("kind=narrative&item=a&fiscalYear=R5&field=results");
        assertThat(results).extracting(change -> change.path("after").asString())
                .containsExactly("相談窓口を開設", "相談窓口を開設し、120件の相談に対応");
        assertThat(changesOf("kind=narrative&item=a&fiscalYear=R5&field=issuesAhead")).isEmpty();

        List<JsonNode> figure = changesOf("kind=observation&kpi=k&reference=2021-2022");
        assertThat(figure).hasSize(1);
        assertThat(figure.get(0).path("after").path("figure").path("value").asInt()).isEqualTo(3650);
        assertThat(figure.get(0).path("after").path("publishedOn").asString()).isEqualTo("2024-03-29");
    }

    @Test
    void thePlansChangesSinceTheFirstReportAreTheCorrectionsTheNewRowsAndTheRetiredItem() {
        JsonNode answer = get("/changes?from=" + encoded(firstReport));
        List<String> lines = new ArrayList<>();
        for (JsonNode row : answer.path("changes")) {
            for (JsonNode field : row.path("fields")) {
                lines.add(row.path("kind").asString() + " " + row.path("rowId").asString() + " "
                        + row.path("change").asString() + " " + field.path("field").asString() + " "
                        + text(field.path("before")) + " → " + text(field.path("after")));
            }
        }
        assertThat(lines).contains(
                "item b retired retired false → true",
                "item b retired retiredReason null → 事業統合",
                "figure a|2023 changed actual 80 → 85",
                "figure a|2023 changed actualCorrection null → 集計漏れ5件を追加",
                "status a|経済労働局|2023|1 changed symbol ○ → △",
                "narrative a|2023 changed results 相談窓口を開設 → 相談窓口を開設し、120件の相談に対応");
        assertThat(lines).anyMatch(line -> line.startsWith("observation k|2021–2022 added figure"));
        assertThat(lines).noneMatch(line -> line.contains(" target "));

        JsonNode nothing = get("/changes?from=" + encoded(firstReport) + "&to=" + encoded(firstReport));
        assertThat(nothing.path("changes")).isEmpty();
    }

    @Test
    void theChangesWorkbookHasALinePerChangedField() throws Exception {
        byte[] file = auditor.get().uri("/municipalities/{code}/plans/p/progress/changes.xlsx?from={from}",
                        KAWASAKI.value(), TokyoTime.of(firstReport).toString())
                .exchange().expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<String> lines = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                row.forEach(cell -> cells.add(cell.toString()));
                lines.add(String.join("|", cells));
            }
            assertThat(lines).contains("種別|行|変更|項目|変更前|変更後", "figure|a|2023|changed|actual|80|85");
        }
    }

    @Test
    void aWrongEntryOrPeriodIsRefusedNamingTheParameter() {
        assertThat(problemField("/history/entries?kind=budget")).isEqualTo("kind");
        assertThat(problemField("/history/entries?kind=status&item=a&organisation=x&fiscalYear=R5"))
                .isEqualTo("quarter");
        assertThat(problemField("/history/entries?kind=narrative&item=a&fiscalYear=R5&field=summary"))
                .isEqualTo("field");
        assertThat(problemField("/changes?from=2025-01-02&to=2025-01-01")).isEqualTo("to");
        assertThat(problemField("/changes?from=soon")).isEqualTo("from");
    }

    private static PeriodStatusRecorded status(String symbol, String correctionReason) {
        return new PeriodStatusRecorded(KAWASAKI, PlanId.of("p"), ItemId.of("a"), "経済労働局", FiscalYear.of(2023),
                Quarter.of(1), symbol,
                null, null, correctionReason);
    }

    /** The changes of an entry; read from the event store itself, so there is nothing to wait for. */
    private List<JsonNode> changesOf(String query) {
        List<JsonNode> changes = new ArrayList<>();
        get("/history/entries?" + query).path("changes").forEach(changes::add);
        return changes;
    }

    private JsonNode get(String pathAndQuery) {
        return JSON.readTree(auditor.get().uri(uri(pathAndQuery)).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
    }

    private String problemField(String pathAndQuery) {
        return JSON.readTree(auditor.get().uri(uri(pathAndQuery)).exchange().expectStatus().isBadRequest()
                .expectBody(String.class).returnResult().getResponseBody()).path("errors").path(0).path("field")
                .asString();
    }

    /** The address as given, already encoded (a time's + as %2B). */
    private URI uri(String pathAndQuery) {
        return URI.create("http://localhost:" + port + "/municipalities/" + KAWASAKI.value() + "/plans/p/progress"
                + pathAndQuery);
    }

    private static String text(JsonNode value) {
        return value.isMissingNode() ? "-" : value.isString() ? value.asString() : value.toString();
    }

    private static String encoded(Instant instant) {
        return URLEncoder.encode(TokyoTime.of(instant).toString(), StandardCharsets.UTF_8);
    }
}
