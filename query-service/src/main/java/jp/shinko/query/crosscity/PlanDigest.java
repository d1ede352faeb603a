package jp.shinko.query.crosscity;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.calendar.Quarter;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.plan.PlanId;
import jp.shinko.events.settings.ReportingDeadlines;
import jp.shinko.query.rows.CityRows;
import jp.shinko.query.rows.ProgressRow.Item;
import jp.shinko.query.rows.ProgressRow.Plan;
import jp.shinko.query.rows.RowKey;

/**
 * What the views across cities need of one plan, whatever the day: the reports it has not made,
 * counted per kind and period ({@link PlanReports}), and its items counted per focus theme. Which
 * reports are overdue depends on the day and on the municipality's deadlines, so those are applied
 * when the digest is read ({@link ReportGap#dueOn}); the digest itself stays true until the plan's
 * rows change, which is what lets live answers keep it ({@link PlanDigests}).
 *
 * @param gaps the reports not made, per kind, fiscal year and quarter, none of 0
 * @param themes per focus theme, how many of the plan's items name it
 */
record PlanDigest(List<ReportGap> gaps, Map<String, Long> themes) {

    /**
     * How many reports of one kind a plan has not made for a period.
     *
     * @param kind {@value PlanReports#STATUS} or {@value PlanReports#ACTUAL}
     * @param quarter the quarter of statuses, 1 to 4; 0 for a fiscal year's actuals
     */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY) // stored for every plan of the country: ["status",2024,1,3]
    @JsonPropertyOrder({"kind", "fiscalYear", "quarter", "count"})
    record ReportGap(String kind, int fiscalYear, int quarter, long count) {

        /** The day the reports were due by the municipality's deadlines. */
        LocalDate dueOn(ReportingDeadlines deadlines) {
            return PlanReports.dueOn(deadlines, FiscalYear.of(fiscalYear), quarter == 0 ? null : Quarter.of(quarter));
        }
    }

    /** A plan's digest with the plan it is of. */
    record Of(String municipalityCode, String planId, PlanDigest digest) {
    }

    /** The digest of a plan's rows as they are; a plan without its own row has no period, so no report is due. */
    static PlanDigest of(String municipalityCode, String planId, CityRows rows) {
        List<Item> items = rows.list(municipalityCode, planId, RowKey.ITEM, Item.class);
        Map<String, Long> themes = new TreeMap<>();
        items.forEach(item -> item.content().focusThemes().forEach(theme -> themes.merge(theme, 1L, Long::sum)));
        Map<ReportGap, Long> gaps = new LinkedHashMap<>();
        rows.find(RowKey.plan(MunicipalityCode.of(municipalityCode), PlanId.of(planId)))
                .map(Plan.class::cast)
                .ifPresent(plan -> new PlanReports(plan, items, rows).unreported(Optional.empty(),
                        (year, quarter) -> true, (item, kind, organisation, year, quarter) -> gaps.merge(
                                new ReportGap(kind, year.value(), quarter == null ? 0 : quarter.number(), 0),
                                1L, Long::sum)));
        return new PlanDigest(gaps.entrySet().stream().map(gap -> new ReportGap(gap.getKey().kind(),
                gap.getKey().fiscalYear(), gap.getKey().quarter(), gap.getValue())).toList(), themes);
    }

    /**
     * The digest of every plan among these rows that has its own row or items, computed from them:
     * for rows as they stood at an earlier instant, which no digest is kept for.
     */
    static List<Of> all(CityRows rows) {
        Set<RowKey> plans = new LinkedHashSet<>();
        rows.listAcrossMunicipalities(RowKey.PLAN, Plan.class)
                .forEach(plan -> plans.add(RowKey.plan(plan.municipalityCode(), plan.planId())));
        rows.listAcrossMunicipalities(RowKey.ITEM, Item.class)
                .forEach(item -> plans.add(RowKey.plan(item.municipalityCode(), item.planId())));
        return plans.stream().map(plan -> new Of(plan.municipalityCode(), plan.planId(),
                of(plan.municipalityCode(), plan.planId(), rows))).toList();
    }
}
