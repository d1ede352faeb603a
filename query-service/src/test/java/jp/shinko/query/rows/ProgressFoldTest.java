package jp.shinko.query.rows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.calendar.Quarter;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.municipality.MunicipalityRegistered;
import jp.shinko.events.plan.ItemId;
import jp.shinko.events.plan.PlanAdopted;
import jp.shinko.events.plan.PlanId;
import jp.shinko.events.plan.PlanItemAdded;
import jp.shinko.events.plan.PlanItemContent;
import jp.shinko.events.progress.AnnualActualRecorded;
import jp.shinko.events.progress.AnnualTargetSet;
import jp.shinko.events.progress.EntryRef;
import jp.shinko.events.progress.IndicatorDefined;
import jp.shinko.events.progress.PeriodStatusRecorded;
import jp.shinko.query.rows.ProgressRow.Figure;
import jp.shinko.query.rows.ProgressRow.Item;
import jp.shinko.query.rows.ProgressRow.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fold as a plain function, over rows kept in a map: every event changes exactly the row of
 * its cell, so a year's target and actual share one row, a quarter's status of an organisation
 * has its own, and an event of no progress family makes no row at all.
 */
class ProgressFoldTest {

    private static final MunicipalityCode MUSASHINO = MunicipalityCode.of("132039");
    private static final PlanId PLAN = PlanId.of("sangyo-2");
    private static final ItemId ITEM = ItemId.of("1-1");
    private static final FiscalYear FY2023 = FiscalYear.reiwa(5);
    private static final FiscalYear FY2024 = FiscalYear.reiwa(6);

    private final MapRows rows = new MapRows();
    private long position;

    @Test
    void theTargetAndTheActualOfAYearShareOneRow() {
        AnnualTargetSet target = new AnnualTargetSet(MUSASHINO, PLAN, ITEM, FY2023, new BigDecimal("20"), "件", null);
        AnnualActualRecorded actual = new AnnualActualRecorded(MUSASHINO, PLAN, ITEM, FY2023, new BigDecimal("21"),
                "件", null);
        fold(target, actual, new AnnualTargetSet(MUSASHINO, PLAN, ITEM, FY2024, new BigDecimal("30"), "件", null));

        assertThat(ProgressFold.keyOf(target)).isEqualTo(ProgressFold.keyOf(actual))
                .contains(RowKey.of(MUSASHINO, PLAN, new EntryRef.AnnualFigure(ITEM, FY2023, EntryRef.Figure.ACTUAL)));
        assertThat(rows.ofKind(RowKey.PLAN)).hasSize(1);
        assertThat(rows.ofKind(RowKey.ITEM)).singleElement()
                .satisfies(item -> assertThat(((Item) item).indicator().name()).isEqualTo("創業件数"));
        List<Figure> figures = rows.ofKind(RowKey.FIGURE).stream().map(Figure.class::cast).toList();
        assertThat(figures).as("one row per item and year").hasSize(2);
        assertThat(figures.get(0).fiscalYear()).isEqualTo(FY2023);
        assertThat(figures.get(0).target()).isEqualByComparingTo("20");
        assertThat(figures.get(0).actual()).isEqualByComparingTo("21");
        assertThat(figures.get(0).unit()).isEqualTo("件");
        assertThat(figures.get(1).fiscalYear()).isEqualTo(FY2024);
        assertThat(figures.get(1).target()).isEqualByComparingTo("30");
        assertThat(figures.get(1).actual()).as("not reported yet").isNull();
    }

    @Test
    void eachOrganisationsQuarterHasAStatusRowThatALaterStatusOfTheSameQuarterReplaces() {
        fold(status("産業振興課", 1, "○", null),
                status("産業振興課", 2, "△", null),
                status("商工会議所", 1, "◎", null),
                status("産業振興課", 1, "◎", "記入誤りの訂正"));

        List<Status> statuses = rows.ofKind(RowKey.STATUS).stream().map(Status.class::cast).toList();
        assertThat(statuses).extracting(status -> status.organisation() + " " + status.quarter().number() + " "
                + status.symbol()).containsExactly("産業振興課 1 ◎", "産業振興課 2 △", "商工会議所 1 ◎");
        assertThat(statuses.get(0).correctionReason()).isEqualTo("記入誤りの訂正");
        assertThat(statuses.get(1).correctionReason()).isNull();
        assertThat(rows.ofKind(RowKey.FIGURE)).isEmpty();
    }

    @Test
    void anEventOfNoProgressFamilyMakesNoRow() {
        MunicipalityRegistered registered = new MunicipalityRegistered(MUSASHINO, "武蔵野市", "Musashino");

        assertThat(ProgressFold.keyOf(registered)).isEmpty();
        Map<RowKey, ProgressRow> before = Map.copyOf(rows.all);
        rows.fold(registered, position++);
        assertThat(rows.all).as("the plan's rows, unchanged").isEqualTo(before).hasSize(2);
        assertThatThrownBy(() -> ProgressFold.apply(null, registered, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MunicipalityRegistered");
    }

    /** The plan and its item with an indicator, which every test starts from. */
    @BeforeEach
    void adoptThePlan() {
        fold(new PlanAdopted(MUSASHINO, PLAN, "第二次武蔵野市産業振興計画", FY2023, FiscalYear.reiwa(9)),
                new PlanItemAdded(MUSASHINO, PLAN, ITEM, null, new PlanItemContent("1-1", "創業支援",
                        List.of("産業振興課", "商工会議所"), null, null, null, null, null)),
                new IndicatorDefined(MUSASHINO, PLAN, ITEM, "創業件数", "件", null, null));
    }

    private static PeriodStatusRecorded status(String organisation, int quarter, String symbol,
            String correctionReason) {
        return new PeriodStatusRecorded(MUSASHINO, PLAN, ITEM, organisation, FY2023, Quarter.of(quarter), symbol,
                null, null, correctionReason);
    }

    /** Folds the events in order, each at the next position in the stream. */
    private void fold(Object... events) {
        for (Object event : events) {
            rows.fold(event, position++);
        }
    }

    /** Rows kept in a map in the order they were first written, as the fold's plainest home. */
    private static final class MapRows implements FoldedRows {

        private final Map<RowKey, ProgressRow> all = new LinkedHashMap<>();

        @Override
        public Optional<ProgressRow> find(RowKey key) {
            return Optional.ofNullable(all.get(key));
        }

        @Override
        public void put(ProgressRow row) {
            all.put(row.key(), row);
        }

        List<ProgressRow> ofKind(String kind) {
            return all.values().stream().filter(row -> row.key().kind().equals(kind)).toList();
        }
    }
}
