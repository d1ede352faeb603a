package jp.shinko.events.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.calendar.Quarter;
import jp.shinko.events.kpi.KpiFigure;
import jp.shinko.events.kpi.KpiId;
import jp.shinko.events.kpi.KpiObservationRecorded;
import jp.shinko.events.kpi.ReferencePeriod;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.plan.ItemId;
import jp.shinko.events.plan.PlanId;
import org.junit.jupiter.api.Test;

/**
 * The cells of a plan's progress and their keys. The keys are kept in plan snapshots and in the
 * query side's row keys, so their text is part of what is stored: a change here is a migration.
 */
class EntryRefTest {

    private static final MunicipalityCode MUSASHINO = MunicipalityCode.of("132039");
    private static final PlanId PLAN = PlanId.of("sangyo-2");
    private static final ItemId R1 = ItemId.of("r1");
    private static final FiscalYear R5 = FiscalYear.reiwa(5);

    @Test
    void anItemsTargetAndActualOfAYearAreTwoCellsOfOneRow() {
        EntryRef target = new AnnualTargetSet(MUSASHINO, PLAN, R1, R5, BigDecimal.TEN, "人", null).entryRef();
        EntryRef actual = new AnnualActualRecorded(MUSASHINO, PLAN, R1, R5, BigDecimal.ONE, "人", null).entryRef();

        assertThat(target).isNotEqualTo(actual);
        assertThat(target.key()).isEqualTo("target|r1|2023");
        assertThat(actual.key()).isEqualTo("actual|r1|2023");
        assertThat(target.rowKey()).isEqualTo(actual.rowKey()).isEqualTo("r1|2023");
        assertThat(target.describe()).isEqualTo("the annual target of item r1 for fiscal year 2023");
        assertThat(actual.describe()).isEqualTo("the actual of item r1 for fiscal year 2023");
    }

    @Test
    void aQuartersStatusIsACellPerOrganisation() {
        EntryRef status = new PeriodStatusRecorded(MUSASHINO, PLAN, R1, "秘書広報課", R5, Quarter.of(4), "△", "3",
                null, null).entryRef();

        assertThat(status).isEqualTo(new EntryRef.QuarterStatus(R1, "秘書広報課", R5, Quarter.of(4)))
                .isNotEqualTo(new EntryRef.QuarterStatus(R1, "商工会議所", R5, Quarter.of(4)));
        assertThat(status.key()).isEqualTo("status|r1|秘書広報課|2023|4");
        assertThat(status.rowKey()).isEqualTo("r1|秘書広報課|2023|4");
        assertThat(status.describe()).isEqualTo("the status of item r1 (秘書広報課) in quarter 4 of fiscal year 2023");
    }

    @Test
    void theFourFieldsOfAReviewSheetAreOneCell() {
        EntryRef.ReviewSheet results = new NarrativeRevised(MUSASHINO, PLAN, R1, R5, NarrativeField.RESULTS,
                "前年より増加", null).entryRef();
        EntryRef.ReviewSheet issues = new NarrativeRevised(MUSASHINO, PLAN, R1, R5, NarrativeField.ISSUES_AHEAD,
                "周知", null).entryRef();

        assertThat(results).isEqualTo(issues);
        assertThat(results.key()).isEqualTo("sheet|r1|2023");
        assertThat(results.fieldKey(NarrativeField.RESULTS)).isEqualTo("r1|2023|results");
        assertThat(results.describe()).isEqualTo("the review sheet of item r1 for fiscal year 2023");
    }

    @Test
    void aKpisFigureIsACellPerReferencePeriod() {
        EntryRef observation = new KpiObservationRecorded(MUSASHINO, PLAN, KpiId.of("opening-rate"),
                new KpiFigure(new BigDecimal("6.12"), new ReferencePeriod(2016, 2021), null, null), null).entryRef();

        assertThat(observation.key()).isEqualTo("observation|opening-rate|2016–2021");
        assertThat(observation.rowKey()).isEqualTo("opening-rate|2016–2021");
        assertThat(observation.describe()).isEqualTo("the figure of KPI opening-rate for 2016–2021");
    }

    @Test
    void aVisitorIsHandedTheCellOfItsKind() {
        EntryRef.Visitor<String> kinds = new EntryRef.Visitor<>() {

            @Override
            public String annualFigure(EntryRef.AnnualFigure figure) {
                return "figure " + figure.figure();
            }

            @Override
            public String quarterStatus(EntryRef.QuarterStatus status) {
                return "status " + status.organisation();
            }

            @Override
            public String reviewSheet(EntryRef.ReviewSheet sheet) {
                return "sheet " + sheet.fiscalYear();
            }

            @Override
            public String kpiObservation(EntryRef.KpiObservation observation) {
                return "observation " + observation.kpiId();
            }

            @Override
            public String cityRating(EntryRef.CityRating rating) {
                return "rating " + rating.fiscalYear();
            }
        };

        assertThat(new EntryRef.AnnualFigure(R1, R5, EntryRef.Figure.ACTUAL).accept(kinds)).isEqualTo("figure ACTUAL");
        assertThat(new EntryRef.QuarterStatus(R1, "秘書広報課", R5, Quarter.of(1)).accept(kinds))
                .isEqualTo("status 秘書広報課");
        assertThat(new EntryRef.ReviewSheet(R1, R5).accept(kinds)).isEqualTo("sheet 2023");
        assertThat(new EntryRef.KpiObservation(KpiId.of("k"), new ReferencePeriod(2021, 2021)).accept(kinds))
                .isEqualTo("observation k");
        assertThat(new EntryRef.CityRating(R1, R5).accept(kinds)).isEqualTo("rating 2023");
    }

    @Test
    void theCitysOwnRatingIsACellOfItsOwnOnTheRowOfTheYearsFigures() {
        EntryRef.CityRating rating = new EntryRef.CityRating(R1, R5);

        assertThat(rating.key()).isEqualTo("rating|r1|2023");
        assertThat(rating.rowKey()).isEqualTo(new EntryRef.AnnualFigure(R1, R5, EntryRef.Figure.TARGET).rowKey());
        assertThat(rating.describe()).isEqualTo("the city's own rating of item r1 for fiscal year 2023");
    }
}
