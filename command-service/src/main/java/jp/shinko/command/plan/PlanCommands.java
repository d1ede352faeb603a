package jp.shinko.command.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.shinko.command.access.CityWideChange;
import jp.shinko.command.access.MunicipalRecordChange;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.council.MeetingId;
import jp.shinko.events.calendar.Quarter;
import jp.shinko.events.kpi.KpiFigure;
import jp.shinko.events.kpi.KpiId;
import jp.shinko.events.kpi.KpiTarget;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.plan.Carryover;
import jp.shinko.events.plan.ItemId;
import jp.shinko.events.plan.PlanId;
import jp.shinko.events.plan.PlanItemContent;
import jp.shinko.events.progress.EntryRef;
import jp.shinko.events.progress.NarrativeField;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands that shape a plan and its tree of items. */
public final class PlanCommands {

    private PlanCommands() {
    }

    /** A command on one plan: the plan's record is named by its municipality and plan id. */
    public interface PlanRecordCommand {

        MunicipalityCode municipalityCode();

        PlanId planId();

        @TargetAggregateIdentifier
        default String planRecordId() {
            return Plan.recordId(municipalityCode(), planId());
        }
    }

    /** A command on one item of a plan's tree. */
    public interface ItemCommand extends PlanRecordCommand {

        ItemId itemId();
    }

    /** Adopt a plan for a period of fiscal years, with its goal and the names of its levels if the city gives them. */
    public record AdoptPlan(MunicipalityCode municipalityCode, PlanId planId, String name, FiscalYear fromFiscalYear,
            FiscalYear toFiscalYear, String goal, List<String> levelNames)
            implements PlanRecordCommand, CityWideChange {
    }

    /** Revise what a plan says of itself, with the reason. */
    public record RevisePlan(MunicipalityCode municipalityCode, PlanId planId, String name, FiscalYear fromFiscalYear,
            FiscalYear toFiscalYear, String goal, List<String> levelNames, String reason)
            implements PlanRecordCommand, CityWideChange {
    }

    /** End a plan after a fiscal year of its period, with the reason. */
    public record EndPlan(MunicipalityCode municipalityCode, PlanId planId, FiscalYear lastFiscalYear, String reason)
            implements PlanRecordCommand, CityWideChange {
    }

    /** Record that the plan succeeds an earlier plan of the municipality. */
    public record RecordSuccession(MunicipalityCode municipalityCode, PlanId planId, PlanId predecessorPlanId)
            implements PlanRecordCommand, CityWideChange {
    }

    /** Record what became of an item of the predecessor plan in this plan. */
    public record CarryOverItem(MunicipalityCode municipalityCode, PlanId planId, ItemId predecessorItemId,
            Carryover kind, List<ItemId> itemIds, String note) implements PlanRecordCommand, CityWideChange {
    }

    /** Add an item at the top of the plan ({@code parentItemId} null) or under another item. */
    public record AddPlanItem(MunicipalityCode municipalityCode, PlanId planId, ItemId itemId, ItemId parentItemId,
            PlanItemContent content) implements ItemCommand, MunicipalRecordChange {
    }

    /** Replace what an item says; {@code expectedVersion}, when sent, must be the item's current version. */
    public record RevisePlanItem(MunicipalityCode municipalityCode, PlanId planId, ItemId itemId,
            PlanItemContent content, Long expectedVersion) implements ItemCommand, MunicipalRecordChange {
    }

    /** Put an item under another parent (or at the top) with its number there. */
    public record MovePlanItem(MunicipalityCode municipalityCode, PlanId planId, ItemId itemId, ItemId parentItemId,
            String number, Long expectedVersion) implements ItemCommand, MunicipalRecordChange {
    }

    /** Take an item out of the plan; it and its history are kept. */
    public record RetirePlanItem(MunicipalityCode municipalityCode, PlanId planId, ItemId itemId, String reason,
            Long expectedVersion) implements ItemCommand, MunicipalRecordChange {
    }

    /** Measure an item by an indicator with a unit and, if there is one, a baseline actual. */
    public record DefineIndicator(MunicipalityCode municipalityCode, PlanId planId, ItemId itemId, String name,
            String unit, BigDecimal baselineValue, FiscalYear baselineFiscalYear)
            implements PlanRecordCommand, MunicipalRecordChange {
    }

    /**
     * Set an item's annual target for a fiscal year, in the indicator's unit; for a closed year,
     * with the reason of the correction. Entry commands take the entry's {@code expectedVersion}
     * (0 before its first value) to be refused if it changed since it was read.
     */
    public record SetAnnualTarget(MunicipalityCode municipalityCode, PlanId planId, ItemId itemId,
            FiscalYear fiscalYear, BigDecimal value, String unit, String correctionReason, Long expectedVersion)
            implements ProgressEntry {

        @Override
        public EntryRef.AnnualFigure entryRef() {
            return new EntryRef.AnnualFigure(itemId, fiscalYear, EntryRef.Figure.TARGET);
        }
    }

    /** Record an item's actual for a fiscal year, in the indicator's unit. */
    public record RecordAnnualActual(MunicipalityCode municipalityCode, PlanId planId, ItemId itemId,
            FiscalYear fiscalYear, BigDecimal value, String unit, String correctionReason, Long expectedVersion)
            implements ProgressEntry {

        @Override
        public EntryRef.AnnualFigure entryRef() {
            return new EntryRef.AnnualFigure(itemId, fiscalYear, EntryRef.Figure.ACTUAL);
        }
    }

    /** Say that an item has no target for a fiscal year, on purpose, and why. */
    public record SetNoTarget(MunicipalityCode municipalityCode, PlanId planId, ItemId itemId,
            FiscalYear fiscalYear, String reason, String correctionReason, Long expectedVersion)
            implements PlanRecordCommand, MunicipalRecordChange {

        public EntryRef.AnnualFigure entryRef() {
            return new EntryRef.AnnualFigure(itemId, fiscalYear, EntryRef.Figure.TARGET);
        }
    }

    /**
     * Record the city's own rating of an item for a fiscal year, with the reason: a label of the
     * municipality's rating scheme for that year.
     */
    public record RecordCityRating(MunicipalityCode municipalityCode, PlanId planId, ItemId itemId,
            FiscalYear fiscalYear, String rating, String reason, String correctionReason, Long expectedVersion)
            implements PlanRecordCommand, MunicipalRecordChange {

        public EntryRef.CityRating entryRef() {
            return new EntryRef.CityRating(itemId, fiscalYear);
        }
    }

    /** Record the status of an item's row (one responsible organisation) in a quarter of a fiscal year. */
    public record RecordPeriodStatus(MunicipalityCode municipalityCode, PlanId planId, ItemId itemId,
            String organisation, FiscalYear fiscalYear, Quarter quarter, String symbol, String reasonCode,
            String remark, String correctionReason, Long expectedVersion)
            implements ProgressEntry {

        @Override
        public EntryRef entryRef() {
            return new EntryRef.QuarterStatus(itemId, organisation, fiscalYear, quarter);
        }
    }

    /** Revise fields of an item's review sheet for a fiscal year; the fields not given stay as they are. */
    public record ReviseNarrative(MunicipalityCode municipalityCode, PlanId planId, ItemId itemId,
            FiscalYear fiscalYear, Map<NarrativeField, String> texts, String correctionReason,
            Long expectedVersion) implements ProgressEntry {

        @Override
        public EntryRef.ReviewSheet entryRef() {
            return new EntryRef.ReviewSheet(itemId, fiscalYear);
        }
    }

    /** An entry of progress against an item: sent alone, or as one row of {@link RecordProgress}. */
    public sealed interface ProgressEntry extends PlanRecordCommand, MunicipalRecordChange
            permits SetAnnualTarget, RecordAnnualActual, RecordPeriodStatus, ReviseNarrative {

        ItemId itemId();

        FiscalYear fiscalYear();

        /** The cell of the plan's progress the entry fills in. */
        EntryRef entryRef();
    }

    /**
     * Record many entries at once, as a whole table is entered: per item, its entries are
     * recorded all or none. Every entry names this command's municipality, plan and item.
     */
    public record RecordProgress(MunicipalityCode municipalityCode, PlanId planId, List<ItemEntries> items)
            implements PlanRecordCommand, MunicipalRecordChange {

        public RecordProgress {
            items = List.copyOf(items);
        }

        /** An item's entries, recorded together or not at all. */
        public record ItemEntries(ItemId itemId, List<ProgressEntry> entries) {

            public ItemEntries {
                entries = List.copyOf(entries);
            }
        }
    }

    /** Define (or redefine) a KPI of the plan. */
    public record DefineKpi(MunicipalityCode municipalityCode, PlanId planId, KpiId kpiId, String name, String unit,
            String source, KpiFigure baseline, String nextFigureExpected, KpiTarget target, List<ItemId> directions,
            String baselineWording, String targetWording) implements PlanRecordCommand, CityWideChange {
    }

    /** Record a published figure of a KPI. */
    public record RecordKpiObservation(MunicipalityCode municipalityCode, PlanId planId, KpiId kpiId,
            KpiFigure figure, LocalDate publishedOn) implements PlanRecordCommand, CityWideChange {
    }

    /**
     * Close a fiscal year, once it has ended; {@code today} is the day in Tokyo the request came
     * on (by the service's clock), which the year must be over by, and the council's report not after.
     */
    public record CloseFiscalYear(MunicipalityCode municipalityCode, PlanId planId, FiscalYear fiscalYear,
            LocalDate councilReportedOn, MeetingId councilMeetingId, LocalDate today)
            implements PlanRecordCommand, CityWideChange {
    }
}
