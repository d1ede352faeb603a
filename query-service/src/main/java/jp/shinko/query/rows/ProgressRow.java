package jp.shinko.query.rows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.calendar.Quarter;
import jp.shinko.events.council.MeetingId;
import jp.shinko.events.kpi.KpiDefined;
import jp.shinko.events.kpi.KpiFigure;
import jp.shinko.events.kpi.KpiId;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.organisation.OrganisationEvent;
import jp.shinko.events.organisation.OrganisationRegister;
import jp.shinko.events.plan.Carryover;
import jp.shinko.events.plan.ItemCarriedOver;
import jp.shinko.events.plan.ItemId;
import jp.shinko.events.plan.PlanAdopted;
import jp.shinko.events.plan.PlanEnded;
import jp.shinko.events.plan.PlanId;
import jp.shinko.events.plan.PlanItemContent;
import jp.shinko.events.plan.PlanRevised;
import jp.shinko.events.progress.EntryRef;
import jp.shinko.events.progress.NarrativeField;
import jp.shinko.events.settings.RatingScheme;
import jp.shinko.events.settings.RatingSchemeAdopted;
import jp.shinko.events.settings.ReasonCodes;
import jp.shinko.events.settings.ReportingDeadlines;
import jp.shinko.events.settings.StatusLegend;
import jp.shinko.events.settings.SubsidyTermsAdopted;
import jp.shinko.events.subsidy.SubsidyTermsInForce;

/**
 * A row of the progress tables, as {@link ProgressFold} makes it from events: the same rows
 * whether they are kept in PostgreSQL for the live tables or built in memory for an earlier
 * instant. Every event touches exactly one row.
 */
public sealed interface ProgressRow {

    /** Where the row is kept: per municipality and plan (empty for the municipality's own rows). */
    RowKey key();

    /**
     * A municipality's rules as they stand: its rating schemes by the year they apply from,
     * legend, reasons and reporting deadlines.
     */
    record Settings(MunicipalityCode municipalityCode, List<RatingSchemeAdopted> ratingSchemes, StatusLegend legend,
            ReasonCodes reasonCodes, ReportingDeadlines deadlines, OrganisationRegister organisations,
            SubsidyTermsInForce subsidyTerms) implements ProgressRow {

        public Settings {
            deadlines = deadlines == null ? ReportingDeadlines.DEFAULT : deadlines; // rows stored before they existed
            organisations = organisations == null ? OrganisationRegister.EMPTY : organisations;
            subsidyTerms = subsidyTerms == null ? SubsidyTermsInForce.NONE : subsidyTerms;
        }

        public static Settings defaults(MunicipalityCode municipality) {
            return new Settings(municipality, List.of(), StatusLegend.DEFAULT, ReasonCodes.DEFAULT, null, null, null);
        }

        Settings withSubsidyTerms(SubsidyTermsAdopted adopted) {
            return new Settings(municipalityCode, ratingSchemes, legend, reasonCodes, deadlines, organisations,
                    subsidyTerms.apply(adopted));
        }

        Settings withLegend(StatusLegend newLegend) {
            return new Settings(municipalityCode, ratingSchemes, newLegend, reasonCodes, deadlines, organisations,
                    subsidyTerms);
        }

        Settings withReasonCodes(ReasonCodes newReasonCodes) {
            return new Settings(municipalityCode, ratingSchemes, legend, newReasonCodes, deadlines, organisations,
                    subsidyTerms);
        }

        Settings withDeadlines(ReportingDeadlines newDeadlines) {
            return new Settings(municipalityCode, ratingSchemes, legend, reasonCodes, newDeadlines, organisations,
                    subsidyTerms);
        }

        Settings withOrganisation(OrganisationEvent event) {
            return new Settings(municipalityCode, ratingSchemes, legend, reasonCodes, deadlines,
                    organisations.apply(event), subsidyTerms);
        }

        @Override
        public RowKey key() {
            return RowKey.settings(municipalityCode);
        }

        /** The scheme that applies to a fiscal year: the latest adopted from that year or before. */
        public RatingScheme schemeFor(FiscalYear year) {
            return RatingScheme.inForce(ratingSchemes, year);
        }

        Settings withScheme(RatingSchemeAdopted adopted) {
            List<RatingSchemeAdopted> schemes = new ArrayList<>(ratingSchemes.stream()
                    .filter(existing -> !existing.fromFiscalYear().equals(adopted.fromFiscalYear())).toList());
            schemes.add(adopted);
            schemes.sort(Comparator.comparing(RatingSchemeAdopted::fromFiscalYear));
            return new Settings(municipalityCode, List.copyOf(schemes), legend, reasonCodes, deadlines,
                    organisations, subsidyTerms);
        }
    }

    /**
     * A plan as it describes itself now (name, period, goal, level names), the years closed after
     * the council report, and its end if it was ended.
     *
     * @param endedAfter the last fiscal year of a plan that was ended; {@code null} while it runs
     * @param revisions how many times its description was revised
     * @param predecessorPlanId the plan it succeeds, if it records one
     * @param carryovers what became of the predecessor's items
     */
    record Plan(MunicipalityCode municipalityCode, PlanId planId, String name, FiscalYear fromFiscalYear,
            FiscalYear toFiscalYear, List<ClosedYear> closedYears, String goal, List<String> levelNames,
            FiscalYear endedAfter, String endReason, int revisions, PlanId predecessorPlanId,
            List<Carried> carryovers) implements ProgressRow {

        public Plan {
            levelNames = levelNames == null ? List.of() : List.copyOf(levelNames); // rows stored before they existed
            carryovers = carryovers == null ? List.of() : List.copyOf(carryovers);
        }

        /** A plan as adopted: nothing closed, revised, ended or succeeded yet. */
        static Plan adopted(PlanAdopted e) {
            return new Plan(e.municipalityCode(), e.planId(), e.name(), e.fromFiscalYear(), e.toFiscalYear(), List.of(),
                    e.goal(), e.levelNames(), null, null, 0, null, List.of());
        }

        Plan revised(PlanRevised e) {
            return new Plan(municipalityCode, planId, e.name(), e.fromFiscalYear(), e.toFiscalYear(), closedYears,
                    e.goal(), e.levelNames(), endedAfter, endReason, revisions + 1, predecessorPlanId, carryovers);
        }

        Plan ended(PlanEnded e) {
            return new Plan(municipalityCode, planId, name, fromFiscalYear, toFiscalYear, closedYears, goal,
                    levelNames, e.lastFiscalYear(), e.reason(), revisions, predecessorPlanId, carryovers);
        }

        Plan succeeding(PlanId predecessor) {
            return new Plan(municipalityCode, planId, name, fromFiscalYear, toFiscalYear, closedYears, goal,
                    levelNames, endedAfter, endReason, revisions, predecessor, carryovers);
        }

        /** With what became of an item of the predecessor, replacing what was said of it before. */
        Plan carrying(ItemCarriedOver e) {
            List<Carried> now = new ArrayList<>(carryovers);
            now.removeIf(carried -> carried.predecessorItemId().equals(e.predecessorItemId()));
            now.add(new Carried(e.predecessorItemId(), e.kind(), e.itemIds(), e.note()));
            return new Plan(municipalityCode, planId, name, fromFiscalYear, toFiscalYear, closedYears, goal,
                    levelNames, endedAfter, endReason, revisions, predecessorPlanId, List.copyOf(now));
        }

        /** The last fiscal year the plan runs: the end of its period, or the year it was ended after. */
        public FiscalYear lastFiscalYear() {
            return endedAfter != null && toFiscalYear.isAfter(endedAfter) ? endedAfter : toFiscalYear;
        }

        Plan withClosedYears(List<ClosedYear> years) {
            return new Plan(municipalityCode, planId, name, fromFiscalYear, toFiscalYear, years, goal, levelNames,
                    endedAfter, endReason, revisions, predecessorPlanId, carryovers);
        }

        @Override
        public RowKey key() {
            return RowKey.of(municipalityCode, planId, RowKey.PLAN, planId.value());
        }

        public boolean isClosed(FiscalYear year) {
            return closedYears.stream().anyMatch(closed -> closed.fiscalYear().equals(year));
        }
    }

    /** What became of an item of the predecessor plan: the items of the successor it became. */
    record Carried(ItemId predecessorItemId, Carryover kind, List<ItemId> itemIds, String note) {
    }

    /** A fiscal year closed after the council report of that date, at the meeting named (if one is). */
    record ClosedYear(FiscalYear fiscalYear, LocalDate councilReportedOn, MeetingId councilMeetingId) {
    }

    /**
     * An item of a plan's tree at any depth, with what its indicator counts; {@code position}
     * orders items as they were added.
     */
    record Item(MunicipalityCode municipalityCode, PlanId planId, ItemId itemId, ItemId parentItemId,
            PlanItemContent content, long position, boolean retired, String retiredReason, Indicator indicator)
            implements ProgressRow {

        @Override
        public RowKey key() {
            return RowKey.of(municipalityCode, planId, RowKey.ITEM, itemId.value());
        }
    }

    /** What an item counts, in which unit, and its actual before the plan, if any. */
    record Indicator(String name, String unit, BigDecimal baselineValue, FiscalYear baselineFiscalYear) {
    }

    /**
     * An item's target and actual for one fiscal year, with the reasons of their latest
     * corrections, the city's own rating of the year with its reason, if it recorded one, and the
     * reason the year has no target, where it has none on purpose.
     */
    record Figure(MunicipalityCode municipalityCode, PlanId planId, ItemId itemId, FiscalYear fiscalYear,
            BigDecimal target, BigDecimal actual, String unit, String targetCorrection, String actualCorrection,
            String cityRating, String cityRatingReason, String noTargetReason) implements ProgressRow {

        Figure withTarget(FiscalYear year, BigDecimal value, String newUnit, String correction) {
            return new Figure(municipalityCode, planId, itemId, year, value, actual, newUnit,
                    correction != null ? correction : targetCorrection, actualCorrection, cityRating, cityRatingReason,
                    null);
        }

        /** No target for the year, on purpose: the target cell says why instead of a value. */
        Figure withNoTarget(FiscalYear year, String reason, String correction) {
            return new Figure(municipalityCode, planId, itemId, year, null, actual, unit,
                    correction != null ? correction : targetCorrection, actualCorrection, cityRating, cityRatingReason,
                    reason);
        }

        Figure withActual(FiscalYear year, BigDecimal value, String newUnit, String correction) {
            return new Figure(municipalityCode, planId, itemId, year, target, value, newUnit, targetCorrection,
                    correction != null ? correction : actualCorrection, cityRating, cityRatingReason, noTargetReason);
        }

        Figure withCityRating(FiscalYear year, String rating, String reason) {
            return new Figure(municipalityCode, planId, itemId, year, target, actual, unit, targetCorrection,
                    actualCorrection, rating, reason, noTargetReason);
        }

        @Override
        public RowKey key() {
            // the target and the actual of a year share the row
            return RowKey.of(municipalityCode, planId, new EntryRef.AnnualFigure(itemId, fiscalYear,
                    EntryRef.Figure.TARGET));
        }
    }

    /** One quarter's status of an item's row of one responsible organisation. */
    record Status(MunicipalityCode municipalityCode, PlanId planId, ItemId itemId, String organisation,
            FiscalYear fiscalYear, Quarter quarter, String symbol, String reasonCode, String remark,
            String correctionReason) implements ProgressRow {

        @Override
        public RowKey key() {
            return RowKey.of(municipalityCode, planId, new EntryRef.QuarterStatus(itemId, organisation, fiscalYear,
                    quarter));
        }
    }

    /** An item's texts for one fiscal year: its review sheet, or Akiruno's two text columns. */
    record Narrative(MunicipalityCode municipalityCode, PlanId planId, ItemId itemId, FiscalYear fiscalYear,
            String plannedContent, String goalsAndFocus, String results, String issuesAhead, String targetPicture,
            String statusAndIssues) implements ProgressRow {

        /** No text yet. */
        static Narrative empty(MunicipalityCode municipalityCode, PlanId planId, ItemId itemId, FiscalYear year) {
            return new Narrative(municipalityCode, planId, itemId, year, null, null, null, null, null, null);
        }

        @Override
        public RowKey key() {
            return RowKey.of(municipalityCode, planId, new EntryRef.ReviewSheet(itemId, fiscalYear));
        }

        /** What one field says. */
        public String text(NarrativeField field) {
            return switch (field) {
                case PLANNED_CONTENT -> plannedContent;
                case GOALS_AND_FOCUS -> goalsAndFocus;
                case RESULTS -> results;
                case ISSUES_AHEAD -> issuesAhead;
                case TARGET_PICTURE -> targetPicture;
                case STATUS_AND_ISSUES -> statusAndIssues;
            };
        }

        /** Whether any of the review sheet's four fields says something (Akiruno's texts alone are no sheet). */
        public boolean isReviewSheet() {
            return NarrativeField.REVIEW_SHEET.stream().anyMatch(field -> text(field) != null);
        }

        /** The same texts with one field saying {@code text}. */
        Narrative with(NarrativeField field, String text) {
            Map<NarrativeField, String> texts = new EnumMap<>(NarrativeField.class);
            for (NarrativeField each : NarrativeField.values()) {
                texts.put(each, each == field ? text : text(each));
            }
            return new Narrative(municipalityCode, planId, itemId, fiscalYear,
                    texts.get(NarrativeField.PLANNED_CONTENT), texts.get(NarrativeField.GOALS_AND_FOCUS),
                    texts.get(NarrativeField.RESULTS), texts.get(NarrativeField.ISSUES_AHEAD),
                    texts.get(NarrativeField.TARGET_PICTURE), texts.get(NarrativeField.STATUS_AND_ISSUES));
        }
    }

    /** A plan KPI as defined now; {@code position} orders KPIs as they were first defined. */
    record Kpi(MunicipalityCode municipalityCode, PlanId planId, KpiId kpiId, KpiDefined definition, long position)
            implements ProgressRow {

        @Override
        public RowKey key() {
            return RowKey.of(municipalityCode, planId, RowKey.KPI, kpiId.value());
        }
    }

    /** A published figure of a KPI for one reference year or period. */
    record Observation(MunicipalityCode municipalityCode, PlanId planId, KpiId kpiId, KpiFigure figure,
            LocalDate publishedOn) implements ProgressRow {

        @Override
        public RowKey key() {
            return RowKey.of(municipalityCode, planId, new EntryRef.KpiObservation(kpiId, figure.reference()));
        }
    }
}
