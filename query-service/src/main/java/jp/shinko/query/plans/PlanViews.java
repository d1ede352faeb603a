package jp.shinko.query.plans;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.plan.ItemId;
import jp.shinko.events.plan.PartOf;
import jp.shinko.events.plan.PlanId;
import jp.shinko.events.plan.PlanState;
import jp.shinko.events.plan.RelatedProgramme;

/** A municipality's plans and their structure (施策体系) as the API answers them. */
final class PlanViews {

    private PlanViews() {
    }

    /** Every plan of a municipality, in the order of their ids. */
    record PlanList(String municipalityCode, List<PlanSummary> plans) {
    }

    /** A fiscal year as a number and as the cities print it. */
    record Year(int value, String japanese) {

        static Year of(FiscalYear year) {
            return year == null ? null : new Year(year.value(), year.japanese());
        }
    }

    /** A plan's first and last fiscal year. */
    record Period(Year from, Year to) {
    }

    /**
     * A plan in the list: its name, period, where it stands in the fiscal year of the answer,
     * and how many items it has.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PlanSummary(PlanId planId, String name, Period period, PlanState state, String stateJapanese,
            String goal, List<String> levelNames, Ending ended, PlanLink predecessor, PlanLink successor,
            ItemCounts items, int kpis, List<ClosedYear> closedFiscalYears) {
    }

    /** Another plan of the municipality, named. */
    record PlanLink(PlanId planId, String name) {
    }

    /** An item of the plan before or after this one, and what became of the earlier item. */
    record CarryoverLink(PlanId planId, ItemId itemId, String number, String title, String kind,
            String kindJapanese) {
    }

    /** A plan's end: the last fiscal year it runs and why it was ended. */
    record Ending(Year lastFiscalYear, String reason) {
    }

    /**
     * How many items a plan has: in all, still part of it, retired, with an indicator (a row of
     * the annual table), and per level of its tree from the top.
     */
    record ItemCounts(int total, int active, int retired, int withIndicator, List<Integer> perLevel) {
    }

    /** A fiscal year closed after the council's report of that day, at the meeting named (if one is). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ClosedYear(Year fiscalYear, LocalDate councilReportedOn, String councilMeetingId) {
    }

    /** A plan's whole tree in order, each item under its parent. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PlanTree(String municipalityCode, PlanId planId, String name, Period period, PlanState state,
            String stateJapanese, String goal, List<String> levelNames, Ending ended, PlanLink predecessor,
            PlanLink successor, List<ClosedYear> closedFiscalYears, List<TreeItem> items) {
    }

    /**
     * An item of the tree as the city writes it, with the items under it.
     *
     * @param level 1 at the top of the plan
     * @param levelName what the city calls the level, if the plan names its levels
     * @param reportedWith the item whose report this one shares (再掲), if any
     * @param reportedWithNote why, as the city explains it
     * @param relatedProgrammes the city's administrative programmes the item is managed with (関連事務事業)
     * @param partOf the programmes or joint projects of another government (東京都) the item belongs to
     * @param carriedOverFrom the items of the predecessor plan this one continues (none: null)
     * @param carriedOverTo what this item became in the successor plan (none: null)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TreeItem(ItemId itemId, int level, String levelName, String number, String title, String description,
            List<String> responsibleOrganisations, String outlook, List<String> flags, List<String> focusThemes,
            String pageReference, ItemLink reportedWith, String reportedWithNote, boolean retired,
            String retiredReason, IndicatorView indicator,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<RelatedProgramme> relatedProgrammes,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<PartOf> partOf,
            List<CarryoverLink> carriedOverFrom, List<CarryoverLink> carriedOverTo, List<TreeItem> children) {
    }

    /** Another item named by an item, with its number and title as printed. */
    record ItemLink(ItemId itemId, String number, String title) {
    }

    /** What an item counts, in which unit, and its actual before the plan. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record IndicatorView(String name, String unit, BigDecimal baselineValue, Year baselineFiscalYear) {
    }

    /**
     * One item alone, with the items above and below it and every cell of its progress with the
     * cell's current version: the {@code expectedVersion} a writer sends to change it.
     *
     * @param version the item's own version, for revising, moving or retiring it
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ItemView(String municipalityCode, PlanId planId, ItemId itemId, long version, int level,
            String levelName, List<ItemLink> path, String number, String title, String description,
            List<String> responsibleOrganisations, String outlook, List<String> flags, List<String> focusThemes,
            String pageReference, ItemLink reportedWith, String reportedWithNote, boolean retired,
            String retiredReason, IndicatorView indicator,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<RelatedProgramme> relatedProgrammes,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<PartOf> partOf,
            List<CarryoverLink> carriedOverFrom, List<CarryoverLink> carriedOverTo, List<ItemLink> children,
            List<FigureEntry> annualFigures,
            List<StatusEntry> quarterStatuses, List<SheetEntry> reviewSheets) {
    }

    /**
     * The item's target and actual of a fiscal year and the city's own rating of it, each with its
     * version (0 before its first value).
     */
    record FigureEntry(Year fiscalYear, BigDecimal target, long targetVersion, BigDecimal actual,
            long actualVersion, String unit, String noTargetReason, String cityRating, String cityRatingReason,
            long cityRatingVersion) {
    }

    /** One organisation's status of the item in a quarter, with its version. */
    record StatusEntry(String organisation, Year fiscalYear, int quarter, String symbol, String reasonCode,
            String remark, long version) {
    }

    /** The item's texts of a fiscal year (a review sheet, or Akiruno's two columns), with their version. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SheetEntry(Year fiscalYear, String plannedContent, String goalsAndFocus, String results,
            String issuesAhead, String targetPicture, String statusAndIssues, long version) {
    }
}
