package jp.shinko.command.plan;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import jp.shinko.command.municipality.MunicipalRules.StatusRules;
import jp.shinko.command.municipality.MunicipalRules;
import jp.shinko.command.plan.PlanCommands.AddPlanItem;
import jp.shinko.command.plan.PlanCommands.AdoptPlan;
import jp.shinko.command.plan.PlanCommands.CloseFiscalYear;
import jp.shinko.command.plan.PlanCommands.DefineIndicator;
import jp.shinko.command.plan.PlanCommands.DefineKpi;
import jp.shinko.command.plan.PlanCommands.MovePlanItem;
import jp.shinko.command.plan.PlanCommands.ProgressEntry;
import jp.shinko.command.plan.PlanCommands.RecordAnnualActual;
import jp.shinko.command.plan.PlanCommands.RecordKpiObservation;
import jp.shinko.command.plan.PlanCommands.RecordPeriodStatus;
import jp.shinko.command.plan.PlanCommands.RecordProgress;
import jp.shinko.command.plan.PlanCommands.RetirePlanItem;
import jp.shinko.command.plan.PlanCommands.ReviseNarrative;
import jp.shinko.command.plan.PlanCommands.RevisePlanItem;
import jp.shinko.command.plan.PlanCommands.SetAnnualTarget;
import jp.shinko.command.problem.RuleViolation;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.kpi.KpiDefined;
import jp.shinko.events.kpi.KpiId;
import jp.shinko.events.kpi.KpiObservationRecorded;
import jp.shinko.events.kpi.KpiTarget;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.plan.ItemId;
import jp.shinko.events.plan.PlanAdopted;
import jp.shinko.events.plan.PlanId;
import jp.shinko.events.plan.PlanItemAdded;
import jp.shinko.events.plan.PlanItemContent;
import jp.shinko.events.plan.PlanItemMoved;
import jp.shinko.events.plan.PlanItemRetired;
import jp.shinko.events.plan.PlanItemRevised;
import jp.shinko.events.progress.AnnualActualRecorded;
import jp.shinko.events.progress.AnnualTargetSet;
import jp.shinko.events.progress.EntryRef;
import jp.shinko.events.progress.FiscalYearClosed;
import jp.shinko.events.progress.IndicatorDefined;
import jp.shinko.events.progress.NarrativeField;
import jp.shinko.events.progress.NarrativeRevised;
import jp.shinko.events.progress.PeriodStatusRecorded;
import jp.shinko.events.settings.ReasonCodes;
import jp.shinko.events.settings.StatusLegend;
import jp.shinko.events.settings.StatusSymbol;
import jp.shinko.infra.security.AccessRefused;
import jp.shinko.infra.security.ActorMetaData;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A municipality's plan: its period, its tree of items of any depth, and the progress recorded
 * against its items (annual targets and actuals, quarterly statuses, review sheets) and its KPIs
 * with their published figures.
 *
 * <p>The tree's rules hold across items (numbers unique among siblings, no item under itself,
 * cross-references to items that exist), so the whole tree is one record. Each item keeps its
 * own version, so a writer who sends the version they saw is refused only when that item
 * changed, not when another department edited another item. An editor bound to an organisation
 * changes only items that organisation is responsible for.
 *
 * <p>A long plan is loaded from a snapshot of this object (see {@link PlanSnapshots}), written
 * as JSON field by field; its state therefore holds only records, strings and numbers, in
 * fields that are not final (Jackson 3 does not write final fields when it reads a snapshot).
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
class Plan {

    @AggregateIdentifier
    private String recordId;
    private PlanAdopted adoption;
    private Map<ItemId, Item> items = new LinkedHashMap<>();
    private Map<ItemId, IndicatorDefined> indicators = new HashMap<>();
    /** Annual targets and actuals by item, then by entry key ({@code target|item|year}, {@code actual|item|year}). */
    private Map<ItemId, Map<String, BigDecimal>> annualFigures = new HashMap<>();
    private Map<String, PeriodStatusRecorded> statuses = new HashMap<>();
    private Map<String, String> narratives = new HashMap<>();
    private Map<KpiId, KpiDefined> kpis = new HashMap<>();
    private Map<String, KpiObservationRecorded> observations = new HashMap<>();
    private Set<FiscalYear> closedYears = new HashSet<>();
    private Map<String, Long> entryVersions = new HashMap<>();

    Plan() {
        // for Axon: state is rebuilt from events
    }

    /** The record's identifier: the municipality code first, as for every record. */
    static String recordId(MunicipalityCode municipality, PlanId planId) {
        return municipality.value() + ":plan:" + planId;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AdoptPlan command) {
        PlanAdopted adopted = new PlanAdopted(command.municipalityCode(), command.planId(), command.name(),
                command.fromFiscalYear(), command.toFiscalYear());
        if (adoption == null) {
            apply(adopted);
        } else if (!adoption.equals(adopted)) {
            throw PlanRuleViolated.alreadyAdopted(adoption.planId(), adoption.name());
        }
    }

    /** Answers the item's version; adding the same item again changes nothing. */
    @CommandHandler
    long handle(AddPlanItem command, MetaData metaData) {
        Item existing = items.get(command.itemId());
        if (existing != null) {
            if (Objects.equals(existing.parentItemId(), command.parentItemId())
                    && existing.content().equals(command.content())) {
                return existing.version();
            }
            throw PlanRuleViolated.itemExists(command.itemId());
        }
        requireEditable(actorOf(metaData), command.content());
        requireActiveParent(command.parentItemId());
        requireFreeNumber(command.parentItemId(), command.content().number(), command.itemId());
        requireReportedWith(command.content(), command.itemId());
        apply(new PlanItemAdded(adoption.municipalityCode(), adoption.planId(), command.itemId(),
                command.parentItemId(), command.content()));
        return 1;
    }

    @CommandHandler
    long handle(RevisePlanItem command, MetaData metaData) {
        Item item = activeItem(command.itemId(), command.expectedVersion());
        Actor actor = actorOf(metaData);
        requireEditable(actor, item.content());
        if (item.content().equals(command.content())) {
            return item.version();
        }
        requireEditable(actor, command.content());
        requireFreeNumber(item.parentItemId(), command.content().number(), command.itemId());
        requireReportedWith(command.content(), command.itemId());
        apply(new PlanItemRevised(adoption.municipalityCode(), adoption.planId(), command.itemId(),
                command.content()));
        return items.get(command.itemId()).version();
    }

    @CommandHandler
    long handle(MovePlanItem command, MetaData metaData) {
        Item item = activeItem(command.itemId(), command.expectedVersion());
        requireEditable(actorOf(metaData), item.content());
        if (Objects.equals(item.parentItemId(), command.parentItemId())
                && item.content().number().equals(command.number())) {
            return item.version();
        }
        requireActiveParent(command.parentItemId());
        ItemId ancestor = command.parentItemId();
        for (; ancestor != null; ancestor = items.get(ancestor).parentItemId()) {
            if (ancestor.equals(command.itemId())) {
                throw PlanRuleViolated.underItself(command.itemId(), command.parentItemId());
            }
        }
        requireFreeNumber(command.parentItemId(), command.number(), command.itemId());
        apply(new PlanItemMoved(adoption.municipalityCode(), adoption.planId(), command.itemId(),
                command.parentItemId(), command.number()));
        return items.get(command.itemId()).version();
    }

    @CommandHandler
    long handle(RetirePlanItem command, MetaData metaData) {
        Item item = items.get(command.itemId());
        if (item == null) {
            throw PlanRuleViolated.noSuchItem("itemId", command.itemId());
        }
        if (item.retired()) {
            return item.version();
        }
        checkVersion(item, command.itemId(), command.expectedVersion());
        requireEditable(actorOf(metaData), item.content());
        long activeChildren = items.values().stream()
                .filter(child -> command.itemId().equals(child.parentItemId()) && !child.retired()).count();
        if (activeChildren > 0) {
            throw PlanRuleViolated.hasActiveItems(command.itemId(), activeChildren);
        }
        apply(new PlanItemRetired(adoption.municipalityCode(), adoption.planId(), command.itemId(),
                command.reason()));
        return items.get(command.itemId()).version();
    }

    /** Answers whether anything changed: the indicator already defined is not defined again. */
    @CommandHandler
    boolean handle(DefineIndicator command, MetaData metaData) {
        Item item = activeItem(command.itemId(), null);
        requireEditable(actorOf(metaData), item.content());
        if (command.baselineFiscalYear() != null && command.baselineFiscalYear().isAfter(adoption.toFiscalYear())) {
            throw PlanRuleViolated.outsidePeriod("baseline.fiscalYear", command.baselineFiscalYear(),
                    adoption.fromFiscalYear(), adoption.toFiscalYear());
        }
        IndicatorDefined defined = new IndicatorDefined(adoption.municipalityCode(), adoption.planId(),
                command.itemId(), command.name(), command.unit(), command.baselineValue(),
                command.baselineFiscalYear());
        IndicatorDefined existing = indicators.get(command.itemId());
        if (defined.equals(existing)) {
            return false;
        }
        if (existing != null && !existing.unit().equals(command.unit())
                && annualFigures.containsKey(command.itemId())) {
            throw PlanRuleViolated.unitInUse(command.itemId(), existing.unit(), command.unit());
        }
        apply(defined);
        return true;
    }

    @CommandHandler
    EntryResult handle(SetAnnualTarget command, MetaData metaData) {
        return carryOut(decide(command, actorOf(metaData)));
    }

    @CommandHandler
    EntryResult handle(RecordAnnualActual command, MetaData metaData) {
        return carryOut(decide(command, actorOf(metaData)));
    }

    /**
     * Records a table's rows item by item: each item's entries are all checked before any is
     * recorded, so an item is recorded whole or not at all, and a refused item does not stop the
     * others. Answers one outcome per item, in the order sent.
     */
    @CommandHandler
    List<ItemOutcome> handle(RecordProgress command, MetaData metaData, MunicipalRules rules) {
        Actor actor = actorOf(metaData);
        // read once for the whole table, and only if it has a status
        boolean anyStatus = command.items().stream().flatMap(item -> item.entries().stream())
                .anyMatch(RecordPeriodStatus.class::isInstance);
        StatusRules statusRules = anyStatus ? rules.statusRulesOf(adoption.municipalityCode()) : null;
        List<ItemOutcome> outcomes = new ArrayList<>();
        for (RecordProgress.ItemEntries item : command.items()) {
            List<Decision> decisions = new ArrayList<>();
            try {
                for (ProgressEntry entry : item.entries()) {
                    decisions.add(decide(entry, actor, statusRules));
                }
            } catch (RuleViolation | AccessRefused refused) {
                outcomes.add(ItemOutcome.refused(item.itemId(), refused, decisions.size()));
                continue;
            }
            outcomes.add(ItemOutcome.recorded(item.itemId(), decisions.stream().map(this::carryOut).toList()));
        }
        return outcomes;
    }

    private Decision decide(ProgressEntry entry, Actor actor, StatusRules rules) {
        if (entry instanceof SetAnnualTarget target) {
            return decide(target, actor);
        }
        if (entry instanceof RecordAnnualActual actual) {
            return decide(actual, actor);
        }
        if (entry instanceof RecordPeriodStatus status) {
            return decide(status, actor, rules);
        }
        return decide((ReviseNarrative) entry, actor);
    }

    private Decision decide(SetAnnualTarget command, Actor actor) {
        checkAnnualEntry(command.itemId(), command.fiscalYear(), command.unit(), actor);
        EntryRef entry = command.entryRef();
        checkEntryVersion(entry, command.expectedVersion());
        if (alreadyRecorded(command.entryRef(), command.value())) {
            return Decision.unchanged(entry);
        }
        return new Decision(entry, List.of(new AnnualTargetSet(adoption.municipalityCode(), adoption.planId(),
                command.itemId(), command.fiscalYear(), command.value(), command.unit(),
                correction(command.fiscalYear(), command.correctionReason()))));
    }

    private Decision decide(RecordAnnualActual command, Actor actor) {
        checkAnnualEntry(command.itemId(), command.fiscalYear(), command.unit(), actor);
        EntryRef entry = command.entryRef();
        checkEntryVersion(entry, command.expectedVersion());
        if (alreadyRecorded(command.entryRef(), command.value())) {
            return Decision.unchanged(entry);
        }
        return new Decision(entry, List.of(new AnnualActualRecorded(adoption.municipalityCode(), adoption.planId(),
                command.itemId(), command.fiscalYear(), command.value(), command.unit(),
                correction(command.fiscalYear(), command.correctionReason()))));
    }

    /** Applies what was decided and answers whether it changed anything, with the entry's version after it. */
    private EntryResult carryOut(Decision decision) {
        decision.events().forEach(event -> apply(event));
        return new EntryResult(!decision.events().isEmpty(), versionOf(decision.entry()));
    }

    private long versionOf(EntryRef entry) {
        return entryVersions.getOrDefault(entry.key(), 0L);
    }

    private void checkEntryVersion(EntryRef entry, Long expectedVersion) {
        long current = versionOf(entry);
        if (expectedVersion != null && expectedVersion != current) {
            throw PlanRuleViolated.staleEntry(entry.describe(), current, expectedVersion);
        }
    }

    /**
     * Answers whether anything changed. The symbol and reason come from the municipality's
     * legend and list as they stand now; a 4th-quarter symbol not on track needs a reason.
     */
    @CommandHandler
    EntryResult handle(RecordPeriodStatus command, MetaData metaData, MunicipalRules rules) {
        return carryOut(decide(command, actorOf(metaData), rules.statusRulesOf(adoption.municipalityCode())));
    }

    private Decision decide(RecordPeriodStatus command, Actor actor, StatusRules rules) {
        Item item = activeItem(command.itemId(), null);
        if (!item.content().responsibleOrganisations().contains(command.organisation())) {
            throw PlanRuleViolated.notResponsible(command.itemId(), command.organisation(),
                    item.content().responsibleOrganisations());
        }
        if (!actor.mayEditItemOf(List.of(command.organisation()))) {
            throw new AccessRefused(actor.describe() + " may record only " + actor.organisation() + "'s rows, not "
                    + command.organisation() + "'s");
        }
        requireWithinPeriod(command.fiscalYear());
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
        PeriodStatusRecorded recorded = new PeriodStatusRecorded(adoption.municipalityCode(), adoption.planId(),
                command.itemId(), command.organisation(), command.fiscalYear(), command.quarter(), command.symbol(),
                command.reasonCode(), command.remark(), null);
        EntryRef entry = recorded.entryRef();
        checkEntryVersion(entry, command.expectedVersion());
        PeriodStatusRecorded current = statuses.get(entry.key());
        if (current != null && recorded.equals(withoutCorrection(current))) {
            return Decision.unchanged(entry);
        }
        return new Decision(entry, List.of(new PeriodStatusRecorded(recorded.municipalityCode(), recorded.planId(),
                recorded.itemId(), recorded.organisation(), recorded.fiscalYear(), recorded.quarter(),
                recorded.symbol(), recorded.reasonCode(), recorded.remark(),
                correction(command.fiscalYear(), command.correctionReason()))));
    }

    /** Answers whether any field changed; each changed field is an event of its own. */
    @CommandHandler
    EntryResult handle(ReviseNarrative command, MetaData metaData) {
        return carryOut(decide(command, actorOf(metaData)));
    }

    private Decision decide(ReviseNarrative command, Actor actor) {
        Item item = activeItem(command.itemId(), null);
        requireEditable(actor, item.content());
        requireWithinPeriod(command.fiscalYear());
        EntryRef.ReviewSheet sheet = command.entryRef();
        checkEntryVersion(sheet, command.expectedVersion());
        List<Object> revisions = new ArrayList<>();
        for (Map.Entry<NarrativeField, String> text : command.texts().entrySet()) {
            NarrativeRevised revised = new NarrativeRevised(adoption.municipalityCode(), adoption.planId(),
                    command.itemId(), command.fiscalYear(), text.getKey(), text.getValue(), null);
            if (!text.getValue().equals(narratives.getOrDefault(sheet.fieldKey(text.getKey()), ""))) {
                revisions.add(new NarrativeRevised(revised.municipalityCode(), revised.planId(), revised.itemId(),
                        revised.fiscalYear(), revised.field(), revised.text(),
                        correction(command.fiscalYear(), command.correctionReason())));
            }
        }
        return new Decision(sheet, revisions);
    }

    /** Answers whether anything changed: the definition already in force is not stored again. */
    @CommandHandler
    boolean handle(DefineKpi command) {
        if (command.target() instanceof KpiTarget.AboveKpi above
                && (above.otherKpiId().equals(command.kpiId()) || !kpis.containsKey(above.otherKpiId()))) {
            throw PlanRuleViolated.noSuchKpi("target.otherKpiId", above.otherKpiId());
        }
        KpiDefined defined = new KpiDefined(adoption.municipalityCode(), adoption.planId(), command.kpiId(),
                command.name(), command.unit(), command.source(), command.baseline(), command.nextFigureExpected(),
                command.target());
        if (defined.equals(kpis.get(command.kpiId()))) {
            return false;
        }
        apply(defined);
        return true;
    }

    @CommandHandler
    boolean handle(RecordKpiObservation command) {
        if (!kpis.containsKey(command.kpiId())) {
            throw PlanRuleViolated.noSuchKpi("kpiId", command.kpiId());
        }
        KpiObservationRecorded recorded = new KpiObservationRecorded(adoption.municipalityCode(), adoption.planId(),
                command.kpiId(), command.figure(), command.publishedOn());
        if (recorded.equals(observations.get(recorded.entryRef().rowKey()))) {
            return false;
        }
        apply(recorded);
        return true;
    }

    /** Answers whether anything changed: a closed year is not closed again. */
    @CommandHandler
    boolean handle(CloseFiscalYear command) {
        requireWithinPeriod(command.fiscalYear());
        if (!command.today().isAfter(command.fiscalYear().lastDay())) {
            throw PlanRuleViolated.yearNotOver(command.fiscalYear());
        }
        LocalDate reported = command.councilReportedOn();
        if (reported != null
                && (reported.isBefore(command.fiscalYear().firstDay()) || reported.isAfter(command.today()))) {
            throw PlanRuleViolated.reportedOutsideTheYear(command.fiscalYear(), reported, command.today());
        }
        if (closedYears.contains(command.fiscalYear())) {
            return false;
        }
        apply(new FiscalYearClosed(adoption.municipalityCode(), adoption.planId(), command.fiscalYear(),
                command.councilReportedOn()));
        return true;
    }

    /**
     * The correction reason an entry of this year carries: required once the year is closed;
     * before that, a new value simply supersedes the old one and no reason is kept.
     */
    private String correction(FiscalYear year, String reason) {
        if (!closedYears.contains(year)) {
            return null;
        }
        if (reason == null) {
            throw PlanRuleViolated.yearClosed(year);
        }
        return reason;
    }

    private static PeriodStatusRecorded withoutCorrection(PeriodStatusRecorded status) {
        return new PeriodStatusRecorded(status.municipalityCode(), status.planId(), status.itemId(),
                status.organisation(), status.fiscalYear(), status.quarter(), status.symbol(), status.reasonCode(),
                status.remark(), null);
    }

    private void recordFigure(EntryRef.AnnualFigure entry, BigDecimal value) {
        annualFigures.computeIfAbsent(entry.itemId(), item -> new HashMap<>()).put(entry.key(), value);
        countChange(entry);
    }

    private void countChange(EntryRef entry) {
        entryVersions.merge(entry.key(), 1L, Long::sum);
    }

    private void requireWithinPeriod(FiscalYear year) {
        if (year.isAfter(adoption.toFiscalYear()) || adoption.fromFiscalYear().isAfter(year)) {
            throw PlanRuleViolated.outsidePeriod("fiscalYear", year, adoption.fromFiscalYear(),
                    adoption.toFiscalYear());
        }
    }

    private boolean alreadyRecorded(EntryRef.AnnualFigure entry, BigDecimal value) {
        BigDecimal current = annualFigures.getOrDefault(entry.itemId(), Map.of()).get(entry.key());
        return current != null && current.compareTo(value) == 0;
    }

    private void checkAnnualEntry(ItemId itemId, FiscalYear year, String unit, Actor actor) {
        Item item = activeItem(itemId, null);
        requireEditable(actor, item.content());
        IndicatorDefined indicator = indicators.get(itemId);
        if (indicator == null) {
            throw PlanRuleViolated.noIndicator(itemId);
        }
        if (!indicator.unit().equals(unit)) {
            throw PlanRuleViolated.otherUnit(itemId, indicator.unit(), unit);
        }
        requireWithinPeriod(year);
    }

    private Item activeItem(ItemId itemId, Long expectedVersion) {
        Item item = items.get(itemId);
        if (item == null) {
            throw PlanRuleViolated.noSuchItem("itemId", itemId);
        }
        if (item.retired()) {
            throw PlanRuleViolated.retired("itemId", itemId);
        }
        checkVersion(item, itemId, expectedVersion);
        return item;
    }

    private static void checkVersion(Item item, ItemId itemId, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != item.version()) {
            throw PlanRuleViolated.staleVersion(itemId, item.version(), expectedVersion);
        }
    }

    private void requireActiveParent(ItemId parentItemId) {
        if (parentItemId == null) {
            return;
        }
        Item parent = items.get(parentItemId);
        if (parent == null) {
            throw PlanRuleViolated.noSuchItem("parentItemId", parentItemId);
        }
        if (parent.retired()) {
            throw PlanRuleViolated.retired("parentItemId", parentItemId);
        }
    }

    private void requireFreeNumber(ItemId parentItemId, String number, ItemId itemId) {
        Optional<ItemId> sibling = items.entrySet().stream()
                .filter(entry -> !entry.getKey().equals(itemId) && !entry.getValue().retired()
                        && Objects.equals(entry.getValue().parentItemId(), parentItemId)
                        && entry.getValue().content().number().equals(number))
                .map(Map.Entry::getKey)
                .findFirst();
        if (sibling.isPresent()) {
            throw PlanRuleViolated.numberTaken(number, sibling.get().value());
        }
    }

    private void requireReportedWith(PlanItemContent content, ItemId itemId) {
        ItemId other = content.reportedWithItemId();
        if (other != null && (other.equals(itemId) || !items.containsKey(other))) {
            throw PlanRuleViolated.noSuchItem("reportedWithItemId", other);
        }
    }

    private static void requireEditable(Actor actor, PlanItemContent content) {
        if (!actor.mayEditItemOf(content.responsibleOrganisations())) {
            throw new AccessRefused(actor.describe() + " may change only items " + actor.organisation()
                    + " is responsible for, not items of " + String.join(", ", content.responsibleOrganisations()));
        }
    }

    private static Actor actorOf(MetaData metaData) {
        return ActorMetaData.from(metaData).orElseThrow(() -> new AccessRefused("a plan is changed by a person"));
    }

    @EventSourcingHandler
    void on(PlanAdopted event) {
        recordId = recordId(event.municipalityCode(), event.planId());
        adoption = event;
    }

    @EventSourcingHandler
    void on(IndicatorDefined event) {
        indicators.put(event.itemId(), event);
    }

    @EventSourcingHandler
    void on(AnnualTargetSet event) {
        recordFigure(event.entryRef(), event.value());
    }

    @EventSourcingHandler
    void on(AnnualActualRecorded event) {
        recordFigure(event.entryRef(), event.value());
    }

    @EventSourcingHandler
    void on(FiscalYearClosed event) {
        closedYears.add(event.fiscalYear());
    }

    @EventSourcingHandler
    void on(KpiDefined event) {
        kpis.put(event.kpiId(), event);
    }

    @EventSourcingHandler
    void on(KpiObservationRecorded event) {
        observations.put(event.entryRef().rowKey(), event);
    }

    @EventSourcingHandler
    void on(NarrativeRevised event) {
        narratives.put(event.entryRef().fieldKey(event.field()), event.text());
        countChange(event.entryRef());
    }

    @EventSourcingHandler
    void on(PeriodStatusRecorded event) {
        statuses.put(event.entryRef().key(), event);
        countChange(event.entryRef());
    }

    @EventSourcingHandler
    void on(PlanItemAdded event) {
        items.put(event.itemId(), new Item(event.parentItemId(), event.content(), false, 1));
    }

    @EventSourcingHandler
    void on(PlanItemRevised event) {
        Item item = items.get(event.itemId());
        items.put(event.itemId(), item.changed(item.parentItemId(), event.content(), false));
    }

    @EventSourcingHandler
    void on(PlanItemMoved event) {
        Item item = items.get(event.itemId());
        items.put(event.itemId(),
                item.changed(event.parentItemId(), item.content().withNumber(event.number()), false));
    }

    @EventSourcingHandler
    void on(PlanItemRetired event) {
        Item item = items.get(event.itemId());
        items.put(event.itemId(), item.changed(item.parentItemId(), item.content(), true));
    }

    /** An item's state within the plan; its version counts the events that changed it. */
    private record Item(ItemId parentItemId, PlanItemContent content, boolean retired, long version) {

        Item changed(ItemId newParentItemId, PlanItemContent newContent, boolean nowRetired) {
            return new Item(newParentItemId, newContent, nowRetired, version + 1);
        }
    }

    /** What an entry command would change: the entry's key and the events recording it, none when unchanged. */
    private record Decision(EntryRef entry, List<Object> events) {

        static Decision unchanged(EntryRef entry) {
            return new Decision(entry, List.of());
        }
    }
}
