package jp.shinko.command.plan;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.shinko.command.municipality.MunicipalRules.StatusRules;
import jp.shinko.command.plan.PlanCommands.DefineIndicator;
import jp.shinko.command.plan.PlanCommands.ProgressEntry;
import jp.shinko.command.plan.PlanCommands.RecordAnnualActual;
import jp.shinko.command.plan.PlanCommands.RecordCityRating;
import jp.shinko.command.plan.PlanCommands.RecordPeriodStatus;
import jp.shinko.command.plan.PlanCommands.ReviseNarrative;
import jp.shinko.command.plan.PlanCommands.SetAnnualTarget;
import jp.shinko.command.plan.PlanCommands.SetNoTarget;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.plan.ItemId;
import jp.shinko.events.plan.PlanAdopted;
import jp.shinko.events.plan.PlanItemContent;
import jp.shinko.events.progress.AnnualActualRecorded;
import jp.shinko.events.progress.AnnualTargetSet;
import jp.shinko.events.progress.CityRatingRecorded;
import jp.shinko.events.progress.EntryRef;
import jp.shinko.events.progress.IndicatorDefined;
import jp.shinko.events.progress.NarrativeField;
import jp.shinko.events.progress.NarrativeRevised;
import jp.shinko.events.progress.NoTargetSet;
import jp.shinko.events.progress.PeriodStatusRecorded;
import jp.shinko.events.settings.RatingScheme;
import jp.shinko.events.settings.ReasonCodes;
import jp.shinko.events.settings.StatusLegend;
import jp.shinko.events.settings.StatusSymbol;
import jp.shinko.infra.security.AccessRefused;

/**
 * The progress recorded against a plan's items: what each item counts and in which unit, its
 * annual targets and actuals, each organisation's quarterly status and its review sheets.
 *
 * <p>The rules: a figure needs the item's indicator and its unit; a year is within the plan; a
 * status is one of the city's legend, with a reason from its list where the 4th quarter needs
 * one, on a row of an organisation responsible for the item; an entry of a closed year is a
 * correction with a reason; and each cell ({@link EntryRef}) keeps its own version, so a writer
 * who sends the version they read is refused only when that cell changed.
 *
 * <p>Pure: a decision reads this state, the item tree and the closed years, and answers the
 * events to record; {@link Plan} applies them. Part of a plan's snapshot.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
final class ProgressEntries {

    private Map<ItemId, IndicatorDefined> indicators = new HashMap<>();
    /** Annual targets and actuals by item, then by cell key ({@code target|1-2|2025}, {@code actual|1-2|2025}). */
    private Map<ItemId, Map<String, BigDecimal>> annualFigures = new HashMap<>();
    /** The latest status of each cell, by the cell's key. */
    private Map<String, PeriodStatusRecorded> statuses = new HashMap<>();
    /** Each review sheet field's text, by {@link EntryRef.ReviewSheet#fieldKey}. */
    private Map<String, String> narratives = new HashMap<>();
    /** The reason of each target cell that says there is no target, by the cell's key. */
    private Map<String, String> noTargets = new HashMap<>();
    /** The city's own rating of each item's year, by the cell's key. */
    private Map<String, CityRatingRecorded> cityRatings = new HashMap<>();
    /** Each cell's version, by the cell's key: how many events changed it. */
    private Map<String, Long> entryVersions = new HashMap<>();
    /** The fiscal years with entries: a revised period must keep them. */
    private Set<FiscalYear> recordedYears = new HashSet<>();

    /** The first and last fiscal years the plan has entries for. */
    record RecordedYears(FiscalYear first, FiscalYear last) {
    }

    /**
     * Where an entry is written and by whom.
     *
     * @param plan the plan's adoption: municipality, id and period
     * @param tree the plan's items
     * @param closedYears the plan's closed years
     * @param writer who writes
     */
    record Writing(PlanAdopted plan, ItemTree tree, ClosedYears closedYears, Writer writer) {
    }

    /**
     * What an entry would change: the cell and the events recording it, none when unchanged.
     *
     * @param entry the cell
     * @param events the events to record
     */
    record Decision(EntryRef entry, List<Object> events) {

        static Decision unchanged(EntryRef entry) {
            return new Decision(entry, List.of());
        }
    }

    /** Defines what an item counts; the indicator already defined is not defined again. */
    List<Object> defineIndicator(DefineIndicator command, Writing writing) {
        PlanAdopted plan = writing.plan();
        PlanItemContent item = writing.tree().activeItem(command.itemId(), null);
        writing.writer().requireMayEdit(item.responsibleOrganisations());
        if (command.baselineFiscalYear() != null && command.baselineFiscalYear().isAfter(plan.toFiscalYear())) {
            throw PlanRuleViolated.outsidePeriod("baseline.fiscalYear", command.baselineFiscalYear(),
                    plan.fromFiscalYear(), plan.toFiscalYear());
        }
        IndicatorDefined defined = new IndicatorDefined(plan.municipalityCode(), plan.planId(), command.itemId(),
                command.name(), command.unit(), command.baselineValue(), command.baselineFiscalYear());
        IndicatorDefined existing = indicators.get(command.itemId());
        if (defined.equals(existing)) {
            return List.of();
        }
        if (existing != null && !existing.unit().equals(command.unit())
                && annualFigures.containsKey(command.itemId())) {
            throw PlanRuleViolated.unitInUse(command.itemId(), existing.unit(), command.unit());
        }
        return List.of(defined);
    }

    /**
     * Decides one entry of any kind.
     *
     * @param rules the city's legend and reasons as they stand now; needed only for a status
     */
    Decision decide(ProgressEntry entry, Writing writing, StatusRules rules) {
        if (entry instanceof SetAnnualTarget target) {
            return target(target, writing);
        }
        if (entry instanceof RecordAnnualActual actual) {
            return actual(actual, writing);
        }
        if (entry instanceof RecordPeriodStatus status) {
            return status(status, writing, rules);
        }
        return narrative((ReviseNarrative) entry, writing);
    }

    /** The first and last fiscal years with entries; empty before the first entry. */
    Optional<RecordedYears> recordedYears() {
        return recordedYears.stream().min(Comparator.naturalOrder())
                .map(first -> new RecordedYears(first, Collections.max(recordedYears)));
    }

    /** The cell's version: 0 before its first value. */
    long versionOf(EntryRef entry) {
        return entryVersions.getOrDefault(entry.key(), 0L);
    }

    private Decision target(SetAnnualTarget command, Writing writing) {
        return figure(command.entryRef(), command.value(), command.unit(), command.correctionReason(),
                command.expectedVersion(), writing);
    }

    private Decision actual(RecordAnnualActual command, Writing writing) {
        return figure(command.entryRef(), command.value(), command.unit(), command.correctionReason(),
                command.expectedVersion(), writing);
    }

    /** A target or an actual: the item's indicator and unit, a year of the plan, and the cell's version. */
    private Decision figure(EntryRef.AnnualFigure entry, BigDecimal value, String unit, String correctionReason,
            Long expectedVersion, Writing writing) {
        checkFigure(entry, unit, expectedVersion, writing);
        if (alreadyRecorded(entry, value)) {
            return Decision.unchanged(entry);
        }
        PlanAdopted plan = writing.plan();
        String correction = writing.closedYears().correction(entry.fiscalYear(), correctionReason);
        return new Decision(entry, List.<Object>of(switch (entry.figure()) {
            case TARGET -> new AnnualTargetSet(plan.municipalityCode(), plan.planId(), entry.itemId(),
                    entry.fiscalYear(), value, unit, correction);
            case ACTUAL -> new AnnualActualRecorded(plan.municipalityCode(), plan.planId(), entry.itemId(),
                    entry.fiscalYear(), value, unit, correction);
        }));
    }

    /**
     * No target for an item's year, on purpose, with the reason: the year's target cell says so,
     * for any item of the plan (Tama's 施策 have no indicator); nothing when it says so already.
     */
    Decision noTarget(SetNoTarget command, Writing writing) {
        EntryRef.AnnualFigure entry = command.entryRef();
        PlanItemContent item = writing.tree().activeItem(command.itemId(), null);
        writing.writer().requireMayEdit(item.responsibleOrganisations());
        ClosedYears.requireWithinPeriod(writing.plan(), command.fiscalYear());
        checkEntryVersion(entry, command.expectedVersion());
        if (command.reason().equals(noTargets.get(entry.key()))) {
            return Decision.unchanged(entry);
        }
        PlanAdopted plan = writing.plan();
        return new Decision(entry, List.of(new NoTargetSet(plan.municipalityCode(), plan.planId(), command.itemId(),
                command.fiscalYear(), command.reason(),
                writing.closedYears().correction(command.fiscalYear(), command.correctionReason()))));
    }

    /**
     * The city's own rating of an item's year: a label of the year's scheme, for an item with an
     * indicator (a row of the annual table), with the reason; nothing when it says so already.
     */
    Decision cityRating(RecordCityRating command, Writing writing, RatingScheme scheme) {
        EntryRef.CityRating entry = command.entryRef();
        PlanItemContent item = writing.tree().activeItem(command.itemId(), null);
        writing.writer().requireMayEdit(item.responsibleOrganisations());
        if (!indicators.containsKey(command.itemId())) {
            throw PlanRuleViolated.noIndicator(command.itemId());
        }
        ClosedYears.requireWithinPeriod(writing.plan(), command.fiscalYear());
        if (scheme.band(command.rating()).isEmpty()) {
            throw PlanRuleViolated.notInList("rating", command.rating(), "rating scheme for fiscal year "
                    + command.fiscalYear(), scheme.labels());
        }
        checkEntryVersion(entry, command.expectedVersion());
        CityRatingRecorded current = cityRatings.get(entry.key());
        if (current != null && current.rating().equals(command.rating()) && current.reason().equals(command.reason())) {
            return Decision.unchanged(entry);
        }
        PlanAdopted plan = writing.plan();
        return new Decision(entry, List.of(new CityRatingRecorded(plan.municipalityCode(), plan.planId(),
                command.itemId(), command.fiscalYear(), command.rating(), command.reason(),
                writing.closedYears().correction(command.fiscalYear(), command.correctionReason()))));
    }

    /** The symbol and reason come from the city's legend and list; a 4th-quarter symbol not on track needs a reason. */
    private Decision status(RecordPeriodStatus command, Writing writing, StatusRules rules) {
        PlanItemContent item = writing.tree().activeItem(command.itemId(), null);
        Writer writer = writing.writer();
        // the row of the organisation as the item names it, whichever of its names the command used
        String row = writer.rowOf(command.organisation(), item.responsibleOrganisations()).orElseThrow(() ->
                PlanRuleViolated.notResponsible(command.itemId(), command.organisation(),
                        item.responsibleOrganisations()));
        if (!writer.mayEdit(List.of(row))) {
            throw new AccessRefused(writer.actor().describe() + " may record only " + writer.actor().organisation()
                    + "'s rows, not " + row + "'s");
        }
        ClosedYears.requireWithinPeriod(writing.plan(), command.fiscalYear());
        StatusLegend legend = rules.legend();
        StatusSymbol symbol = legend.find(command.symbol()).orElseThrow(() ->
                PlanRuleViolated.notInList("symbol", command.symbol(), "status legend", legend.allowed()));
        ReasonCodes reasons = rules.reasonCodes();
        if (command.reasonCode() != null && reasons.find(command.reasonCode()).isEmpty()) {
            throw PlanRuleViolated.notInList("reasonCode", command.reasonCode(), "reason codes", reasons.allowed());
        }
        if (command.quarter().isLast() && symbol.reasonRequiredInFourthQuarter() && command.reasonCode() == null) {
            throw PlanRuleViolated.reasonRequired(symbol.symbol(), reasons.allowed());
        }
        EntryRef entry = new EntryRef.QuarterStatus(command.itemId(), row, command.fiscalYear(), command.quarter());
        checkEntryVersion(entry, command.expectedVersion());
        PlanAdopted plan = writing.plan();
        PeriodStatusRecorded current = statuses.get(entry.key());
        PeriodStatusRecorded recorded = new PeriodStatusRecorded(plan.municipalityCode(), plan.planId(),
                command.itemId(), row, command.fiscalYear(), command.quarter(), command.symbol(),
                command.reasonCode(), command.remark(), null);
        if (current != null && recorded.equals(withoutCorrection(current))) {
            return Decision.unchanged(entry);
        }
        return new Decision(entry, List.of(new PeriodStatusRecorded(recorded.municipalityCode(), recorded.planId(),
                recorded.itemId(), recorded.organisation(), recorded.fiscalYear(), recorded.quarter(),
                recorded.symbol(), recorded.reasonCode(), recorded.remark(),
                writing.closedYears().correction(command.fiscalYear(), command.correctionReason()))));
    }

    /** Each changed field of the sheet is an event of its own. */
    private Decision narrative(ReviseNarrative command, Writing writing) {
        PlanItemContent item = writing.tree().activeItem(command.itemId(), null);
        writing.writer().requireMayEdit(item.responsibleOrganisations());
        ClosedYears.requireWithinPeriod(writing.plan(), command.fiscalYear());
        EntryRef.ReviewSheet sheet = command.entryRef();
        checkEntryVersion(sheet, command.expectedVersion());
        PlanAdopted plan = writing.plan();
        List<Object> revisions = new ArrayList<>();
        for (Map.Entry<NarrativeField, String> text : command.texts().entrySet()) {
            if (!text.getValue().equals(narratives.getOrDefault(sheet.fieldKey(text.getKey()), ""))) {
                revisions.add(new NarrativeRevised(plan.municipalityCode(), plan.planId(), command.itemId(),
                        command.fiscalYear(), text.getKey(), text.getValue(),
                        writing.closedYears().correction(command.fiscalYear(), command.correctionReason())));
            }
        }
        return new Decision(sheet, revisions);
    }

    private void checkFigure(EntryRef.AnnualFigure entry, String unit, Long expectedVersion, Writing writing) {
        ItemId itemId = entry.itemId();
        PlanItemContent item = writing.tree().activeItem(itemId, null);
        writing.writer().requireMayEdit(item.responsibleOrganisations());
        IndicatorDefined indicator = indicators.get(itemId);
        if (indicator == null) {
            throw PlanRuleViolated.noIndicator(itemId);
        }
        if (!indicator.unit().equals(unit)) {
            throw PlanRuleViolated.otherUnit(itemId, indicator.unit(), unit);
        }
        ClosedYears.requireWithinPeriod(writing.plan(), entry.fiscalYear());
        checkEntryVersion(entry, expectedVersion);
    }

    private void checkEntryVersion(EntryRef entry, Long expectedVersion) {
        long current = versionOf(entry);
        if (expectedVersion != null && expectedVersion != current) {
            throw PlanRuleViolated.staleEntry(entry.describe(), current, expectedVersion);
        }
    }

    private boolean alreadyRecorded(EntryRef.AnnualFigure entry, BigDecimal value) {
        BigDecimal current = annualFigures.getOrDefault(entry.itemId(), Map.of()).get(entry.key());
        return current != null && current.compareTo(value) == 0;
    }

    private static PeriodStatusRecorded withoutCorrection(PeriodStatusRecorded status) {
        return new PeriodStatusRecorded(status.municipalityCode(), status.planId(), status.itemId(),
                status.organisation(), status.fiscalYear(), status.quarter(), status.symbol(), status.reasonCode(),
                status.remark(), null);
    }

    private void recordFigure(EntryRef.AnnualFigure entry, BigDecimal value) {
        annualFigures.computeIfAbsent(entry.itemId(), item -> new HashMap<>()).put(entry.key(), value);
        countChange(entry, entry.fiscalYear());
    }

    private void countChange(EntryRef entry, FiscalYear year) {
        entryVersions.merge(entry.key(), 1L, Long::sum);
        recordedYears.add(year);
    }

    void on(IndicatorDefined event) {
        indicators.put(event.itemId(), event);
    }

    void on(AnnualTargetSet event) {
        noTargets.remove(event.entryRef().key());
        recordFigure(event.entryRef(), event.value());
    }

    void on(NoTargetSet event) {
        EntryRef.AnnualFigure entry = event.entryRef();
        annualFigures.getOrDefault(entry.itemId(), new HashMap<>()).remove(entry.key());
        noTargets.put(entry.key(), event.reason());
        countChange(entry, entry.fiscalYear());
    }

    void on(AnnualActualRecorded event) {
        recordFigure(event.entryRef(), event.value());
    }

    void on(NarrativeRevised event) {
        narratives.put(event.entryRef().fieldKey(event.field()), event.text());
        countChange(event.entryRef(), event.fiscalYear());
    }

    void on(CityRatingRecorded event) {
        cityRatings.put(event.entryRef().key(), event);
        countChange(event.entryRef(), event.fiscalYear());
    }

    void on(PeriodStatusRecorded event) {
        statuses.put(event.entryRef().key(), event);
        countChange(event.entryRef(), event.fiscalYear());
    }
}
