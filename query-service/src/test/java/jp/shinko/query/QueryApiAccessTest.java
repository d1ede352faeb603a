package jp.shinko.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.consultation.CaseId;
import jp.shinko.events.consultation.ConsultationOpened;
import jp.shinko.events.council.CouncilMeetingRecorded;
import jp.shinko.events.council.MeetingId;
import jp.shinko.events.jointproject.JointProjectRecorded;
import jp.shinko.events.jointproject.ProjectId;
import jp.shinko.events.kpi.KpiDefined;
import jp.shinko.events.kpi.KpiFigure;
import jp.shinko.events.kpi.KpiId;
import jp.shinko.events.kpi.KpiTarget;
import jp.shinko.events.kpi.ReferencePeriod;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.municipality.MunicipalityRegistered;
import jp.shinko.events.plan.ItemId;
import jp.shinko.events.plan.ItemRef;
import jp.shinko.events.plan.PlanAdopted;
import jp.shinko.events.plan.PlanId;
import jp.shinko.events.plan.PlanItemAdded;
import jp.shinko.events.plan.PlanItemContent;
import jp.shinko.infra.testsupport.AccessMatrix;
import jp.shinko.infra.testsupport.Caller;
import jp.shinko.infra.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Who may read what on the query service: every endpoint, called by every kind of caller,
 * answers the status its row says, and no answer to a municipal role names another
 * municipality. A new endpoint without a row fails {@link #everyEndpointOfTheServiceHasARow()}.
 *
 * <p>Both municipalities here are Hokkaido's (01), which no other test uses; the projection
 * also holds every other test's municipalities, so a list that did not filter would leak them.
 */
@QueryServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryApiAccessTest {

    private static final MunicipalityCode TARGET = MunicipalityCode.of("011002");
    private static final MunicipalityCode ANOTHER = MunicipalityCode.of("012025");
    /** 北海道, which keeps joint project x of the target and a third city. */
    private static final MunicipalityCode KEEPER = MunicipalityCode.of("01000" + MunicipalityCode.checkDigit("01000"));
    private static final MunicipalityCode THIRD = MunicipalityCode.of("01204" + MunicipalityCode.checkDigit("01204"));

    private static final List<AccessMatrix.Row> ROWS = Stream.concat(Stream.of(
            new AccessMatrix.Row("GET /municipalities", Caller.anyVerified(200), AccessMatrix.Kind.READS,
                    (client, target) -> client.get().uri("/municipalities").exchange()),
            new AccessMatrix.Row("GET /municipalities/{code}", Caller.readersOfTarget(200), AccessMatrix.Kind.READS,
                    (client, target) -> client.get().uri("/municipalities/{code}", target.value()).exchange()),
            municipalRow("/organisations"),
            municipalRow("/settings"),
            municipalRow("/council-meetings"),
            new AccessMatrix.Row("GET /municipalities/{code}/council-meetings/{meetingId}",
                    Caller.readersOfTarget(200), AccessMatrix.Kind.READS, (client, target) -> client.get()
                    .uri("/municipalities/{code}/council-meetings/m", target.value()).exchange()),
            keptRecordRow("GET /municipalities/{code}/joint-projects", "/municipalities/{code}/joint-projects"),
            keptRecordRow("GET /municipalities/{code}/joint-projects.{format}",
                    "/municipalities/{code}/joint-projects.csv"),
            keptRecordRow("GET /municipalities/{code}/joint-projects/{projectId}",
                    "/municipalities/" + KEEPER + "/joint-projects/x"),
            keptRecordRow("GET /municipalities/{code}/consultations", "/municipalities/{code}/consultations"),
            keptRecordRow("GET /municipalities/{code}/consultations/{caseId}",
                    "/municipalities/" + KEEPER + "/consultations/y"),
            municipalRow("/subsidy-totals"),
            municipalRow("/subsidy-totals.xlsx", "/subsidy-totals.{format}"),
            planRow("", "/plans"),
            planRow(".{format}", "/plans.csv"),
            planRow("/{planId}", "/plans/p"),
            planRow("/{planId}.{format}", "/plans/p.xlsx"),
            planRow("/{planId}/items/{itemId}", "/plans/p/items/i"),
            progressRow("annual", "annual"),
            progressRow("quarterly", "quarterly?fiscalYear=R7"),
            progressRow("kpis", "kpis"),
            progressRow("narratives", "narratives?fiscalYear=R7"),
            progressRow("history/items/{itemId}", "history/items/i"),
            progressRow("history/kpis/{kpiId}", "history/kpis/k"),
            progressRow("annual.{format}", "annual.xlsx"),
            progressRow("quarterly.{format}", "quarterly.csv?fiscalYear=R7"),
            progressRow("kpis.{format}", "kpis.xlsx"),
            progressRow("narratives.{format}", "narratives.csv?fiscalYear=R7"),
            progressRow("history/entries", "history/entries?kind=target&item=i&fiscalYear=R7"),
            progressRow("changes", "changes?from=2020-01-01"),
            progressRow("changes.{format}", "changes.xlsx?from=2020-01-01"),
            crossCityRow("summary"),
            crossCityRow("focus-themes"),
            crossCityRow("missing-reports"),
            crossCityRow("focus-themes/by-theme"),
            crossCityRow("missing-reports/by-municipality"),
            new AccessMatrix.Row("GET /municipalities/{code}/audit/chain", Caller.auditorsAndAdmin(200),
                    AccessMatrix.Kind.DESCRIBES, (client, target) -> client.get()
                    .uri("/municipalities/{code}/audit/chain", target.value()).exchange()),
            new AccessMatrix.Row("GET /municipalities/{code}/audit/bundle.jsonl", Caller.auditorsAndAdmin(200),
                    AccessMatrix.Kind.DESCRIBES, (client, target) -> client.get()
                    .uri("/municipalities/{code}/audit/bundle.jsonl", target.value()).exchange()),
            new AccessMatrix.Row("POST /admin/projections/rebuild", Caller.adminOnly(202), AccessMatrix.Kind.DESCRIBES,
                    (client, target) -> client.post().uri("/admin/projections/rebuild").exchange()),
            new AccessMatrix.Row("GET /admin/projections/rebuild", Caller.adminOnly(200), AccessMatrix.Kind.DESCRIBES,
                    (client, target) -> client.get().uri("/admin/projections/rebuild").exchange()),
            new AccessMatrix.Row("GET /admin/projections/dead-letters", Caller.adminOnly(200),
                    AccessMatrix.Kind.DESCRIBES,
                    (client, target) -> client.get().uri("/admin/projections/dead-letters").exchange()),
            new AccessMatrix.Row("POST /admin/projections/dead-letters/retry", Caller.adminOnly(200),
                    AccessMatrix.Kind.DESCRIBES,
                    (client, target) -> client.post().uri("/admin/projections/dead-letters/retry").exchange())),
            AccessMatrix.PLATFORM.stream()).toList();

    private static AccessMatrix.Row crossCityRow(String view) {
        return new AccessMatrix.Row("GET /cross-city/" + view, Caller.anyVerified(200), AccessMatrix.Kind.READS,
                (client, target) -> client.get().uri("/cross-city/" + view).exchange());
    }

    private static AccessMatrix.Row municipalRow(String endpoint) {
        return municipalRow(endpoint, endpoint);
    }

    private static AccessMatrix.Row municipalRow(String call, String endpoint) {
        return new AccessMatrix.Row("GET /municipalities/{code}" + endpoint, Caller.readersOfTarget(200),
                AccessMatrix.Kind.READS, (client, target) -> client.get()
                .uri("/municipalities/{code}" + call, target.value()).exchange());
    }

    /**
     * A read of what 北海道 keeps for the municipalities: joint project {@code x}, which the target
     * leads and another city joins, and consultation case {@code y} of the target; the other
     * municipality takes part in neither. A kept record names its keeper and every municipality
     * taking part, so these rows check who may read (a municipal role of a city that takes no part
     * may not), not that an answer names no other municipality.
     */
    private static AccessMatrix.Row keptRecordRow(String endpoint, String call) {
        return new AccessMatrix.Row(endpoint, Caller.readersOfTarget(200), AccessMatrix.Kind.DESCRIBES,
                (client, target) -> client.get().uri(call, target.value()).exchange());
    }

    private static AccessMatrix.Row planRow(String endpoint, String call) {
        return new AccessMatrix.Row("GET /municipalities/{code}/plans" + endpoint, Caller.readersOfTarget(200),
                AccessMatrix.Kind.READS, (client, target) -> client.get()
                .uri("/municipalities/{code}" + call, target.value()).exchange());
    }

    private static AccessMatrix.Row progressRow(String endpoint, String call) {
        return new AccessMatrix.Row("GET /municipalities/{code}/plans/{planId}/progress/" + endpoint,
                Caller.readersOfTarget(200), AccessMatrix.Kind.READS, (client, target) -> client.get()
                .uri("/municipalities/{code}/plans/p/progress/" + call, target.value()).exchange());
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    AccessMatrix matrix;

    @BeforeAll
    void registerBothMunicipalities() {
        for (MunicipalityRegistered registered : List.of(
                new MunicipalityRegistered(TARGET, "札幌市", "Sapporo"),
                new MunicipalityRegistered(ANOTHER, "函館市", "Hakodate"))) {
            StoredEvents.append("Municipality", registered.municipalityCode().value(), 0,
                    List.of(registered, new CouncilMeetingRecorded(registered.municipalityCode(), MeetingId.of("m"),
                            FiscalYear.of(2025), "審議会", LocalDate.of(2025, 6, 1), null, List.of(), null)));
        }
        StoredEvents.append("Municipality", KEEPER.value(), 0, List.of(
                new MunicipalityRegistered(KEEPER, "北海道", "Hokkaido")));
        StoredEvents.append("JointProject", KEEPER + ":project:x", 0, List.of(new JointProjectRecorded(
                KEEPER, ProjectId.of("x"), new ItemRef(PlanId.of("p"), ItemId.of("i")), "広域連携事業", null, null, TARGET,
                List.of(THIRD), List.of(), FiscalYear.of(2025), null)));
        StoredEvents.append("Consultation", KEEPER + ":consultation:y", 0, List.of(new ConsultationOpened(
                KEEPER, CaseId.of("y"), TARGET, "補助金はないか", null, null)));
        for (MunicipalityCode code : List.of(TARGET, ANOTHER)) {
            StoredEvents.append("Plan", code.value() + ":plan:p", 0, List.of(
                    new PlanAdopted(code, PlanId.of("p"), "計画", FiscalYear.of(2025), FiscalYear.of(2027)),
                    new PlanItemAdded(code, PlanId.of("p"), ItemId.of("i"), null, new PlanItemContent("1", "事業",
                            List.of("産業振興課"),
                            null, null, null, null, null)),
                    new KpiDefined(code, PlanId.of("p"), KpiId.of("k"), "事業所数", "事業所", null,
                            new KpiFigure(BigDecimal.TEN, new ReferencePeriod(2021, 2021), null, null), null,
                            new KpiTarget.AtLeast(BigDecimal.valueOf(20), 2030))));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                        "select count(*) from query.municipality where code in (?, ?, ?)")
                .params(TARGET.value(), ANOTHER.value(), KEEPER.value()).query(Integer.class).single() == 3
                && jdbc.sql("select count(*) from query.progress_row where kind = 'plan' "
                        + "and municipality_code in (?, ?)")
                .params(TARGET.value(), ANOTHER.value()).query(Integer.class).single() == 2);
        matrix = new AccessMatrix(RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build(), ANOTHER);
    }

    @Test
    void everyEndpointOfTheServiceHasARow() {
        AccessMatrix.assertCoversEveryEndpoint(context, ROWS);
    }

    @TestFactory
    Stream<DynamicTest> everyCallerGetsTheStatusOfItsRowAndNoMunicipalRoleSeesAnotherMunicipality() {
        return matrix.tests(ROWS, () -> TARGET, municipality -> 0);
    }

    @Test
    void aMunicipalRoleListsItsOwnMunicipalityAndNoOther() {
        matrix.clientOf(Caller.VIEWER_OF_TARGET, TARGET).get().uri("/municipalities").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[*].code").isEqualTo(List.of(TARGET.value()));
    }

    @Test
    void aMetroAnalystListsEveryMunicipality() {
        matrix.clientOf(Caller.METRO_ANALYST, TARGET).get().uri("/municipalities").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[?(@.code == '" + TARGET + "' || @.code == '" + ANOTHER + "')].code")
                .value(List.class, codes -> assertThat(codes).hasSize(2));
    }

    @Test
    void readingAnotherMunicipalityIsForbiddenWhetherOrNotItIsRegistered() {
        for (String code : List.of(ANOTHER.value(), "013030")) {
            matrix.clientOf(Caller.EDITOR_OF_TARGET, TARGET).get().uri("/municipalities/{code}", code).exchange()
                    .expectStatus().isForbidden()
                    .expectBody()
                    .jsonPath("$.type").isEqualTo("urn:shinko:problem:forbidden")
                    .jsonPath("$.detail").isEqualTo("matrix-editor (municipal-editor of " + TARGET
                            + ") may read only municipality " + TARGET + "'s records, not " + code + "'s");
        }
    }

    @ParameterizedTest
    @EnumSource(TestTokens.Broken.class)
    void aBrokenTokenIsUnauthenticated(TestTokens.Broken broken) {
        RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build()
                .get().uri("/municipalities")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + broken.token())
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:shinko:problem:unauthenticated");
    }
}
