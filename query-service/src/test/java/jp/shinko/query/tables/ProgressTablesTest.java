package jp.shinko.query.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.calendar.Quarter;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.plan.Carryover;
import jp.shinko.events.plan.ItemCarriedOver;
import jp.shinko.events.plan.ItemId;
import jp.shinko.events.plan.PlanAdopted;
import jp.shinko.events.plan.PlanEnded;
import jp.shinko.events.plan.PlanId;
import jp.shinko.events.plan.PlanItemAdded;
import jp.shinko.events.plan.PlanItemContent;
import jp.shinko.events.plan.PlanSuccessionRecorded;
import jp.shinko.events.progress.AnnualActualRecorded;
import jp.shinko.events.progress.AnnualTargetSet;
import jp.shinko.events.progress.CityRatingRecorded;
import jp.shinko.events.progress.FiscalYearClosed;
import jp.shinko.events.progress.IndicatorDefined;
import jp.shinko.events.progress.NoTargetSet;
import jp.shinko.events.progress.PeriodStatusRecorded;
import jp.shinko.events.settings.RatingBand;
import jp.shinko.events.settings.RatingScheme;
import jp.shinko.events.settings.RatingSchemeAdopted;
import jp.shinko.query.export.Sheet;
import jp.shinko.query.rows.ReplayedRows;
import jp.shinko.query.tables.ProgressViews.AnnualRow;
import jp.shinko.query.tables.ProgressViews.ItemHistory;
import jp.shinko.query.tables.ProgressViews.ItemYear;
import jp.shinko.query.tables.ProgressViews.QuarterlyRow;
import jp.shinko.query.tables.ProgressViews.YearFigures;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;

/**
 * Akiruno's annual table from its events, as plain objects: the events folded into rows in
 * memory, the rows made into the table, no Spring and no database. The figures are the seed
 * table's first business (事業承継セミナー), with FY2025's actual changed to fall between ratings.
 */
class ProgressTablesTest {

    private static final MunicipalityCode AKIRUNO = MunicipalityCode.of("132284");
    private static final PlanId PLAN = PlanId.of("shoko-2023");
    private static final ItemId SEMINAR = ItemId.of("d1-m1-b1");
    private static final FiscalYear FY2023 = FiscalYear.reiwa(5);
    private static final FiscalYear FY2025 = FiscalYear.reiwa(7);

    @Test
    void theAnnualRowHasItsIndicatorAndPerYearTargetActualAchievementAndRating() {
        List<AnnualRow> table = tables(akiruno()).annual(Optional.empty());

        assertThat(table).as("only the item with an indicator").singleElement().satisfies(row -> {
            assertThat(row.itemId()).isEqualTo(SEMINAR);
            assertThat(row.path()).containsExactly("1 地域経済循環の担い手となる事業者の育成", "1-1 事業承継の促進");
            assertThat(row.number()).isEqualTo("1-1-1");
            assertThat(row.title()).isEqualTo("事業承継セミナー");
            assertThat(row.organisations()).containsExactly("Bi@Sta");
            assertThat(row.pageReference()).isEqualTo("P.33");
            assertThat(row.indicator()).isEqualTo("参加者数");
            assertThat(row.unit()).isEqualTo("人");
            assertThat(row.baselineValue()).isEqualByComparingTo("10");
            assertThat(row.years()).extracting(YearFigures::fiscalYear).containsExactly(2023, 2025);
        });
        YearFigures fy2023 = table.get(0).years().get(0);
        assertThat(fy2023.fiscalYearJapanese()).isEqualTo("令和5年度");
        assertThat(fy2023.target()).isEqualByComparingTo("20");
        assertThat(fy2023.actual()).as("the corrected actual").isEqualByComparingTo("21");
        assertThat(fy2023.achievementPercent()).isEqualTo(new BigDecimal("105.0"));
        assertThat(fy2023.rating()).as("S from 120%, A from 90% by the default scheme").isEqualTo("A");
        assertThat(fy2023.ratingDescription()).isEqualTo("目標値どおり(90~120%)：このまま業務を進めることにより目標値どおりの成果を得られる");
        assertThat(fy2023.closed()).isTrue();
        assertThat(fy2023.actualCorrectionReason()).isEqualTo("集計誤りの訂正");
        assertThat(fy2023.targetCorrectionReason()).isNull();
        YearFigures fy2025 = table.get(0).years().get(1);
        assertThat(fy2025.achievementPercent()).isEqualTo(new BigDecimal("97.8"));
        assertThat(fy2025.rating()).isEqualTo("A");
        assertThat(fy2025.closed()).isFalse();
        assertThat(fy2025.actualCorrectionReason()).isNull();
    }

    @Test
    void aSchemeAdoptedFromAYearRatesThatYearAndTheYearsAfterOnly() {
        List<Object> events = akiruno();
        events.add(new RatingSchemeAdopted(AKIRUNO, FY2025, new RatingScheme(List.of(
                RatingBand.atLeast("A", "達成", 100), RatingBand.above("B", "概ね達成", 80),
                RatingBand.rest("C", "未達成")))));

        List<YearFigures> years = tables(events).annual(Optional.empty()).get(0).years();

        assertThat(years).extracting(YearFigures::rating).as("FY2023 by the default scheme, FY2025 by the new")
                .containsExactly("A", "B");
        assertThat(years.get(1).ratingDescription()).isEqualTo("概ね達成");
    }

    @Test
    void aTableOfOneYearHasThatYearOnlyAndItsSheetPrintsItUnderTheJapaneseYear() {
        ProgressTables tables = tables(akiruno());
        List<AnnualRow> rows = tables.annual(Optional.of(FY2023));

        assertThat(rows.get(0).years()).extracting(YearFigures::fiscalYear).containsExactly(2023);
        Sheet sheet = ProgressSheets.annual(tables, Optional.of(FY2023), rows);
        assertThat(sheet.name()).isEqualTo("進捗状況_令和5年度");
        assertThat(sheet.titleLines()).containsExactly("あきる野市商工業振興プラン 進捗状況まとめ（令和5年度）");
        assertThat(sheet.notes()).containsExactly("評価指標 詳細",
                "S 目標値以上(120%~)：このまま業務を進めることにより目標値以上の成果を得られる",
                "A 目標値どおり(90~120%)：このまま業務を進めることにより目標値どおりの成果を得られる",
                "B 要改善(50~90%)：このまま業務を進めることにより目標値を達成することができず、手法等の改善が必要",
                "C 要大幅改善(~50%)：このまま業務を進めることにより目標値を達成することができず、手法等の大幅な改善が必要");
        assertThat(sheet.columns().subList(8, 12)).containsExactly(new Sheet.Column("令和5年度", "年間目標"),
                new Sheet.Column("令和5年度", "実績"), new Sheet.Column("令和5年度", "達成率(%)"),
                new Sheet.Column("令和5年度", "評価"));
        assertThat(sheet.rows()).singleElement().satisfies(line -> assertThat(line).containsExactly(
                "1 地域経済循環の担い手となる事業者の育成 ＞ 1-1 事業承継の促進", "1-1-1", "事業承継セミナー P.33", "Bi@Sta",
                "参加者数", "人", "", BigDecimal.valueOf(10), new BigDecimal("20"), new BigDecimal("21"),
                new BigDecimal("105.0"), "A"));
    }

    @Test
    void theCitysOwnRatingIsShownBesideTheComputedOneAndCountsAsTheCitys() {
        List<Object> events = akiruno();
        events.add(new CityRatingRecorded(AKIRUNO, PLAN, SEMINAR, FY2025, "B", "下半期に参加者が減少", null));
        ProgressTables tables = tables(events);

        YearFigures fy2025 = tables.annual(Optional.of(FY2025)).get(0).years().get(0);

        assertThat(fy2025.rating()).as("44 of 45 by the bands").isEqualTo("A");
        assertThat(fy2025.cityRating()).isEqualTo("B");
        assertThat(fy2025.cityRatingDescription()).startsWith("要改善(50~90%)");
        assertThat(fy2025.cityRatingReason()).isEqualTo("下半期に参加者が減少");
        assertThat(fy2025.ratingThatCounts()).isEqualTo("B");
        Sheet sheet = ProgressSheets.annual(tables, Optional.of(FY2025), tables.annual(Optional.of(FY2025)));
        assertThat(sheet.rows().get(0).get(sheet.rows().get(0).size() - 1)).isEqualTo("B（目安A）");
    }

    @Test
    void aYearWithNoTargetOnPurposeSaysSoAndIsNotRated() {
        List<Object> events = akiruno();
        events.add(new NoTargetSet(AKIRUNO, PLAN, SEMINAR, FY2025, "事業検討段階となるため目標なしとします。", null));
        ProgressTables tables = tables(events);

        YearFigures fy2025 = tables.annual(Optional.of(FY2025)).get(0).years().get(0);

        assertThat(fy2025.noTargetReason()).isEqualTo("事業検討段階となるため目標なしとします。");
        assertThat(fy2025.target()).isNull();
        assertThat(fy2025.rating()).isNull();
        List<Object> printed = ProgressSheets.annual(tables, Optional.of(FY2025), tables.annual(Optional.of(FY2025)))
                .rows().get(0);
        assertThat(printed).contains("目標なし（事業検討段階となるため目標なしとします。）");
    }

    @Test
    void eachQuartersRemarkIsKeptAndPrintedNotOnlyTheLast() {
        List<Object> events = akiruno();
        events.add(new PeriodStatusRecorded(AKIRUNO, PLAN, SEMINAR, "Bi@Sta", FY2025, Quarter.of(1), "○", null,
                "講師を選定", null));
        events.add(new PeriodStatusRecorded(AKIRUNO, PLAN, SEMINAR, "Bi@Sta", FY2025, Quarter.of(2), "○", null,
                null, null));
        events.add(new PeriodStatusRecorded(AKIRUNO, PLAN, SEMINAR, "Bi@Sta", FY2025, Quarter.of(4), "△", "4",
                "参加者が減少", null));
        ProgressTables tables = tables(events);

        QuarterlyRow row = tables.quarterly(FY2025).get(0);

        assertThat(row.remarks()).containsExactly("講師を選定", null, null, "参加者が減少");
        assertThat(row.remark()).isEqualTo("参加者が減少");
        List<Object> printed = ProgressSheets.quarterly(tables, FY2025, List.of(row)).rows().get(0);
        assertThat(printed.get(printed.size() - 1)).isEqualTo("1期：講師を選定\n4期：参加者が減少");
    }

    @Test
    void anItemsHistoryFollowsTheItemOfThePredecessorItContinues() {
        PlanId next = PlanId.of("shoko-2027");
        List<Object> events = akiruno();
        events.addAll(List.of(
                new PlanEnded(AKIRUNO, PLAN, FiscalYear.reiwa(8), "計画期間の満了"),
                new PlanAdopted(AKIRUNO, next, "次期プラン", FiscalYear.reiwa(9), FiscalYear.reiwa(12)),
                new PlanItemAdded(AKIRUNO, next, ItemId.of("n1"), null, content("1", "事業承継セミナー", null)),
                new IndicatorDefined(AKIRUNO, next, ItemId.of("n1"), "参加者数", "人", null, null),
                new AnnualTargetSet(AKIRUNO, next, ItemId.of("n1"), FiscalYear.reiwa(9), new BigDecimal("50"), "人",
                        null),
                new PlanSuccessionRecorded(AKIRUNO, next, PLAN),
                new ItemCarriedOver(AKIRUNO, next, SEMINAR, Carryover.CONTINUED, List.of(ItemId.of("n1")), null)));

        ItemHistory history = ProgressTables.of(ReplayedRows.of(messages(events)), AKIRUNO, next).orElseThrow()
                .itemHistory(ItemId.of("n1")).orElseThrow();

        assertThat(history.carriedOverFrom()).singleElement().satisfies(source -> {
            assertThat(source.itemId()).isEqualTo(SEMINAR);
            assertThat(source.carryover()).isEqualTo("continued");
        });
        assertThat(history.years()).extracting(ItemYear::fiscalYear).containsExactly(2023, 2025, 2027);
        assertThat(history.years().get(0).from().planId()).isEqualTo(PLAN);
        assertThat(history.years().get(2).from()).isNull();
    }

    @Test
    void aPlanTheMunicipalityHasNotAdoptedHasNoTables() {
        assertThat(ProgressTables.of(ReplayedRows.of(messages(akiruno())), AKIRUNO, PlanId.of("other"))).isEmpty();
        assertThat(ProgressTables.of(ReplayedRows.of(messages(akiruno())), MunicipalityCode.of("132039"), PLAN))
                .isEmpty();
    }

    /** A plan of three levels, the business with an indicator, FY2023 reported, closed and corrected. */
    private static List<Object> akiruno() {
        return new ArrayList<>(List.of(
                new PlanAdopted(AKIRUNO, PLAN, "あきる野市商工業振興プラン", FY2023, FiscalYear.reiwa(8)),
                new PlanItemAdded(AKIRUNO, PLAN, ItemId.of("d1"), null,
                        content("1", "地域経済循環の担い手となる事業者の育成", null)),
                new PlanItemAdded(AKIRUNO, PLAN, ItemId.of("d1-m1"), ItemId.of("d1"),
                        content("1-1", "事業承継の促進", null)),
                new PlanItemAdded(AKIRUNO, PLAN, SEMINAR, ItemId.of("d1-m1"), content("1-1-1", "事業承継セミナー", "P.33")),
                new IndicatorDefined(AKIRUNO, PLAN, SEMINAR, "参加者数", "人", BigDecimal.valueOf(10), null),
                new AnnualTargetSet(AKIRUNO, PLAN, SEMINAR, FY2023, new BigDecimal("20"), "人", null),
                new AnnualActualRecorded(AKIRUNO, PLAN, SEMINAR, FY2023, new BigDecimal("12"), "人", null),
                new FiscalYearClosed(AKIRUNO, PLAN, FY2023, LocalDate.of(2024, 6, 10)),
                new AnnualActualRecorded(AKIRUNO, PLAN, SEMINAR, FY2023, new BigDecimal("21"), "人", "集計誤りの訂正"),
                new AnnualTargetSet(AKIRUNO, PLAN, SEMINAR, FY2025, new BigDecimal("45"), "人", null),
                new AnnualActualRecorded(AKIRUNO, PLAN, SEMINAR, FY2025, new BigDecimal("44"), "人", null)));
    }

    private static PlanItemContent content(String number, String title, String page) {
        return new PlanItemContent(number, title, List.of("Bi@Sta"), null, null, null, page, null);
    }

    private static ProgressTables tables(List<Object> events) {
        return ProgressTables.of(ReplayedRows.of(messages(events)), AKIRUNO, PLAN).orElseThrow();
    }

    /** The events as the store hands them over, numbered in order. */
    private static List<DomainEventMessage<?>> messages(List<Object> events) {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (Object event : events) {
            messages.add(new GenericDomainEventMessage<>("Plan", AKIRUNO.value() + ":plan:" + PLAN.value(),
                    messages.size(), event));
        }
        return messages;
    }
}
