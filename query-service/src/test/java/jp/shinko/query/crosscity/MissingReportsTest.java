package jp.shinko.query.crosscity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.municipality.MunicipalityRegistered;
import jp.shinko.events.plan.ItemId;
import jp.shinko.events.plan.PlanAdopted;
import jp.shinko.events.plan.PlanEnded;
import jp.shinko.events.plan.PlanId;
import jp.shinko.events.plan.PlanItemAdded;
import jp.shinko.events.plan.PlanItemContent;
import jp.shinko.events.progress.AnnualTargetSet;
import jp.shinko.events.progress.IndicatorDefined;
import jp.shinko.events.progress.NoTargetSet;
import jp.shinko.query.crosscity.CrossCityViews.MissingReport;
import jp.shinko.query.rows.ReplayedRows;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;

/**
 * Which actuals are overdue, as plain objects: a year with no target on purpose expects none,
 * and an ended plan expects nothing after its last year.
 */
class MissingReportsTest {

    private static final MunicipalityCode AKIRUNO = MunicipalityCode.of("132284");
    private static final PlanId PLAN = PlanId.of("shoko-2023");
    private static final ItemId SEMINAR = ItemId.of("b1");

    @Test
    void noTargetOnPurposeAndTheYearsAfterAnEndedPlanExpectNoActual() {
        ReplayedRows rows = ReplayedRows.of(messages(
                new MunicipalityRegistered(AKIRUNO, "あきる野市", "Akiruno"),
                new PlanAdopted(AKIRUNO, PLAN, "あきる野市商工業振興プラン", FiscalYear.reiwa(5), FiscalYear.reiwa(8)),
                new PlanItemAdded(AKIRUNO, PLAN, SEMINAR, null, new PlanItemContent("1", "事業承継セミナー",
                        List.of("Bi@Sta"), null, null, null, null, null)),
                new IndicatorDefined(AKIRUNO, PLAN, SEMINAR, "参加者数", "人", null, null),
                new AnnualTargetSet(AKIRUNO, PLAN, SEMINAR, FiscalYear.reiwa(5), BigDecimal.TEN, "人", null),
                new NoTargetSet(AKIRUNO, PLAN, SEMINAR, FiscalYear.reiwa(6), "事業検討段階となるため目標なしとします。", null),
                new PlanEnded(AKIRUNO, PLAN, FiscalYear.reiwa(7), "新たな計画の策定による")));

        List<MissingReport> missing = CrossCityTables.missingReports(rows, Instant.parse("2029-12-01T00:00:00Z"),
                code -> true, Optional.empty());

        assertThat(missing).extracting(MissingReport::kind, MissingReport::fiscalYear)
                .as("R5 and R7 actuals; none for R6 (no target) or R8 (after the end)")
                .containsExactlyInAnyOrder(tuple("actual", 2023),
                        tuple("actual", 2025));
    }

    private static List<DomainEventMessage<?>> messages(Object... events) {
        return IntStream.range(0, events.length)
                .<DomainEventMessage<?>>mapToObj(i -> new GenericDomainEventMessage<>("Plan",
                        AKIRUNO.value() + ":plan:" + PLAN.value(), i, events[i]))
                .toList();
    }
}
