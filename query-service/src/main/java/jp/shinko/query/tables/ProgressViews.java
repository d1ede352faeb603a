package jp.shinko.query.tables;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import jp.shinko.events.kpi.KpiAssessment;
import jp.shinko.events.kpi.KpiFigure;
import jp.shinko.events.kpi.KpiId;
import jp.shinko.events.kpi.KpiTarget;
import jp.shinko.events.kpi.ReferencePeriod;
import jp.shinko.events.plan.ItemId;
import jp.shinko.events.plan.PlanId;
import jp.shinko.query.web.Paging;

/** The rows of the progress tables as the API answers them. */
final class ProgressViews {

    private ProgressViews() {
    }

    /** One page of a table's rows. */
    record Page<T>(String municipalityCode, PlanId planId, String planName, Integer fiscalYear,
            String fiscalYearJapanese, List<T> items, int page, int size, int totalItems) {

        static <T> Page<T> of(ProgressTables tables, FiscalYearChoice year, List<T> rows, int page, int size) {
            int from = Paging.firstRow(rows.size(), page, size);
            return new Page<>(tables.plan().municipalityCode().value(), tables.plan().planId(), tables.plan().name(),
                    year.value(), year.japanese(), rows.subList(from, Math.min(rows.size(), from + size)), page,
                    size, rows.size());
        }
    }

    /** The fiscal year a table is for, if it is for one. */
    record FiscalYearChoice(Integer value, String japanese) {

        static final FiscalYearChoice ALL = new FiscalYearChoice(null, null);
    }

    /** A row of Akiruno's table: an item with an indicator and its figures per fiscal year. */
    record AnnualRow(ItemId itemId, List<String> path, String number, String title, List<String> organisations,
            List<String> flags, String pageReference, boolean retired, String indicator, String unit,
            BigDecimal baselineValue, Integer baselineFiscalYear, TargetPicture targetPicture,
            List<YearFigures> years) {
    }

    /** 目標とする姿: what the item aims to have achieved by a fiscal year, as the city wrote it. */
    record TargetPicture(int fiscalYear, String fiscalYearJapanese, String text) {
    }

    /**
     * An item's target, actual, achievement and rating in one fiscal year, by the scheme of that
     * year (the band is a guide, 評価の目安), the city's own rating with its reason where it
     * recorded one, and why there is no target where the year has none on purpose (not rated).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record YearFigures(int fiscalYear, String fiscalYearJapanese, BigDecimal target, BigDecimal actual,
            BigDecimal achievementPercent, String rating, String ratingDescription, String cityRating,
            String cityRatingDescription, String cityRatingReason, String noTargetReason, boolean closed,
            String targetCorrectionReason, String actualCorrectionReason, String statusAndIssues) {

        /** The city's own rating where it recorded one, else the rating its figures give: the one that counts. */
        String ratingThatCounts() {
            return cityRating != null ? cityRating : rating;
        }
    }

    /**
     * A row of Musashino's table: an item of one organisation with its four quarters' symbols, the
     * remark of the latest quarter reported ({@code remark}) and each quarter's own ({@code remarks},
     * null where a quarter has none).
     */
    record QuarterlyRow(ItemId itemId, List<String> path, String number, String title, String organisation,
            List<String> quarters, String reasonCode, String reason, String remark, List<String> remarks,
            boolean priority, boolean retired) {
    }

    /** A line of Tama's KPI table. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record KpiLine(KpiId kpiId, List<String> directions, String name, String unit, String source,
            KpiFigure baseline, String baselineWording, String nextFigureExpected, KpiTarget target,
            String targetWording, KpiFigure latest, LocalDate latestPublishedOn, KpiAssessment assessment,
            String assessmentJapanese) {
    }

    /** One of Tama's review sheets: an item's four narrative fields in one fiscal year. */
    record NarrativeSheet(ItemId itemId, List<String> path, String number, String title, List<String> organisations,
            String outlook, List<String> focusThemes, int fiscalYear, String fiscalYearJapanese,
            String plannedContent, String goalsAndFocus, String results, String issuesAhead) {
    }

    /** An item's figures and statuses in every fiscal year it has any, side by side. */
    record ItemHistory(ItemId itemId, List<String> path, String number, String title, List<String> organisations,
            boolean retired, String indicator, String unit, BigDecimal baselineValue, Integer baselineFiscalYear,
            List<YearSource> carriedOverFrom, List<ItemYear> years) {
    }

    /**
     * An item's fiscal year: its figures with the change from the year before, and its rows'
     * statuses; {@code from} names the item of the predecessor plan the year was recorded for,
     * when the item continues one.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ItemYear(int fiscalYear, String fiscalYearJapanese, YearFigures figures, YearChange change,
            List<YearStatuses> statuses, YearSource from) {
    }

    /** An item of the predecessor plan whose years an item's history carries on, and what became of it. */
    record YearSource(PlanId planId, ItemId itemId, String number, String title, String carryover) {
    }

    /**
     * How a year's figures differ from the year before's: the actual's difference, the achievement
     * rate's difference in percentage points, and the rating the year before had.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record YearChange(BigDecimal actual, BigDecimal achievementPoints, String previousRating) {

        /** The change, or null when either year has no actual to compare. */
        static YearChange between(YearFigures before, YearFigures now) {
            if (before == null || now == null || before.actual() == null || now.actual() == null) {
                return null;
            }
            return new YearChange(now.actual().subtract(before.actual()),
                    before.achievementPercent() == null || now.achievementPercent() == null ? null
                            : now.achievementPercent().subtract(before.achievementPercent()),
                    before.rating());
        }
    }

    /** An organisation's row of an item in one year: the four quarters' symbols, the reason and the remark. */
    record YearStatuses(String organisation, List<String> quarters, String reasonCode, String reason, String remark,
            List<String> remarks) {
    }

    /** Every published figure of a KPI in reference order. */
    record KpiHistory(KpiId kpiId, String name, String unit, KpiFigure baseline, KpiTarget target,
            List<KpiPoint> figures) {
    }

    /**
     * A published figure of a KPI, its change from the figure before it (or from the baseline),
     * and where the KPI stood with it.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record KpiPoint(ReferencePeriod reference, BigDecimal value, BigDecimal secondaryValue, String secondaryUnit,
            LocalDate publishedOn, ReferencePeriod changeSince, BigDecimal change, KpiAssessment assessment,
            String assessmentJapanese) {
    }
}
