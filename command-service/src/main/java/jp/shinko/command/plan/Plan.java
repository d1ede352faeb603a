package jp.shinko.command.plan;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.ArrayList;
import java.util.List;
import jp.shinko.command.council.CouncilRuleViolated;
import jp.shinko.command.municipality.MunicipalRegisters;
import jp.shinko.command.municipality.MunicipalRules;
import jp.shinko.command.municipality.MunicipalRules.StatusRules;
import jp.shinko.command.plan.PlanCommands.AddPlanItem;
import jp.shinko.command.plan.PlanCommands.AdoptPlan;
import jp.shinko.command.plan.PlanCommands.CarryOverItem;
import jp.shinko.command.plan.PlanCommands.CloseFiscalYear;
import jp.shinko.command.plan.PlanCommands.DefineIndicator;
import jp.shinko.command.plan.PlanCommands.DefineKpi;
import jp.shinko.command.plan.PlanCommands.EndPlan;
import jp.shinko.command.plan.PlanCommands.MovePlanItem;
import jp.shinko.command.plan.PlanCommands.ProgressEntry;
import jp.shinko.command.plan.PlanCommands.RecordAnnualActual;
import jp.shinko.command.plan.PlanCommands.RecordCityRating;
import jp.shinko.command.plan.PlanCommands.RecordKpiObservation;
import jp.shinko.command.plan.PlanCommands.RecordPeriodStatus;
import jp.shinko.command.plan.PlanCommands.RecordProgress;
import jp.shinko.command.plan.PlanCommands.RecordSuccession;
import jp.shinko.command.plan.PlanCommands.RetirePlanItem;
import jp.shinko.command.plan.PlanCommands.ReviseNarrative;
import jp.shinko.command.plan.PlanCommands.RevisePlan;
import jp.shinko.command.plan.PlanCommands.RevisePlanItem;
import jp.shinko.command.plan.PlanCommands.SetAnnualTarget;
import jp.shinko.command.plan.PlanCommands.SetNoTarget;
import jp.shinko.command.plan.ProgressEntries.Decision;
import jp.shinko.command.plan.ProgressEntries.Writing;
import jp.shinko.command.problem.RuleViolation;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.council.CouncilMeetingRecorded;
import jp.shinko.events.kpi.KpiDefined;
import jp.shinko.events.kpi.KpiObservationRecorded;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.plan.ItemCarriedOver;
import jp.shinko.events.plan.PlanAdopted;
import jp.shinko.events.plan.PlanEnded;
import jp.shinko.events.plan.PlanId;
import jp.shinko.events.plan.PlanItemAdded;
import jp.shinko.events.plan.PlanItemMoved;
import jp.shinko.events.plan.PlanItemRetired;
import jp.shinko.events.plan.PlanItemRevised;
import jp.shinko.events.plan.PlanRevised;
import jp.shinko.events.plan.PlanSuccessionRecorded;
import jp.shinko.events.progress.AnnualActualRecorded;
import jp.shinko.events.progress.AnnualTargetSet;
import jp.shinko.events.progress.CityRatingRecorded;
import jp.shinko.events.progress.FiscalYearClosed;
import jp.shinko.events.progress.IndicatorDefined;
import jp.shinko.events.progress.NarrativeRevised;
import jp.shinko.events.progress.NoTargetSet;
import jp.shinko.events.progress.PeriodStatusRecorded;
import jp.shinko.infra.security.AccessRefused;
import jp.shinko.infra.security.ActorMetaData;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A municipality's plan: its description and life (name, period, goal, level names, end), its
 * tree of items, and the progress recorded against its items (annual targets and actuals,
 * quarterly statuses, review sheets) and its KPIs with their published figures.
 *
 * <p>The tree's rules hold across items and the entries' rules read the tree, so the whole plan
 * is one record. This class is only its root: it hands each command to the rule set it belongs
 * to ({@link PlanLife}, {@link ItemTree}, {@link ProgressEntries}, {@link PlanKpis},
 * {@link ClosedYears}), applies the events the rule set decided and answers what changed. The
 * rules themselves are pure and tested without Axon.
 *
 * <p>A long plan is loaded from a snapshot of this object (see {@link PlanSnapshots}), written
 * as JSON field by field; its state therefore holds only records, strings and numbers, in
 * fields that are not final (Jackson 3 does not write final fields when it reads a snapshot).
 * The revision names the snapshot's shape: a snapshot of another shape is not read, and the plan
 * is loaded from its events instead.
 */
@Aggregate
@Revision("4")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
class Plan {

    @AggregateIdentifier
    private String recordId;
    /** The adoption as recorded: adopting the same plan again is answered from it. */
    private PlanAdopted adoption;
    private PlanLife life = new PlanLife();
    private ItemTree tree = new ItemTree();
    private ProgressEntries entries = new ProgressEntries();
    private PlanKpis kpis = new PlanKpis();
    private ClosedYears closedYears = new ClosedYears();

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
                command.fromFiscalYear(), command.toFiscalYear(), command.goal(), command.levelNames());
        if (adoption == null) {
            AggregateLifecycle.apply(adopted);
        } else if (!adoption.equals(adopted)) {
            throw PlanRuleViolated.alreadyAdopted(adoption.planId(), adoption.name());
        }
    }

    /** Answers the item's version; adding the same item again changes nothing. */
    @CommandHandler
    long handle(AddPlanItem command, MetaData metaData, MunicipalRegisters registers) {
        record(tree.add(command, writer(metaData, registers), life.inForce()));
        return tree.versionOf(command.itemId());
    }

    @CommandHandler
    long handle(RevisePlanItem command, MetaData metaData, MunicipalRegisters registers) {
        record(tree.revise(command, writer(metaData, registers), life.inForce()));
        return tree.versionOf(command.itemId());
    }

    @CommandHandler
    long handle(MovePlanItem command, MetaData metaData, MunicipalRegisters registers) {
        record(tree.move(command, writer(metaData, registers), life.inForce()));
        return tree.versionOf(command.itemId());
    }

    @CommandHandler
    long handle(RetirePlanItem command, MetaData metaData, MunicipalRegisters registers) {
        record(tree.retire(command, writer(metaData, registers), life.inForce()));
        return tree.versionOf(command.itemId());
    }

    /** Answers whether anything changed: the indicator already defined is not defined again. */
    @CommandHandler
    boolean handle(DefineIndicator command, MetaData metaData, MunicipalRegisters registers) {
        return record(entries.defineIndicator(command, writing(metaData, registers)));
    }

    @CommandHandler
    EntryResult handle(SetAnnualTarget command, MetaData metaData, MunicipalRegisters registers) {
        return carryOut(entries.decide(command, writing(metaData, registers), null));
    }

    @CommandHandler
    EntryResult handle(RecordAnnualActual command, MetaData metaData, MunicipalRegisters registers) {
        return carryOut(entries.decide(command, writing(metaData, registers), null));
    }

    /**
     * Answers whether anything changed. The symbol and reason come from the municipality's
     * legend and list as they stand now.
     */
    @CommandHandler
    EntryResult handle(RecordPeriodStatus command, MetaData metaData, MunicipalRules rules) {
        return carryOut(entries.decide(command, writing(metaData, rules),
                rules.statusRulesOf(life.inForce().municipalityCode())));
    }

    @CommandHandler
    EntryResult handle(SetNoTarget command, MetaData metaData, MunicipalRegisters registers) {
        return carryOut(entries.noTarget(command, writing(metaData, registers)));
    }

    /** Answers whether anything changed. The labels come from the municipality's scheme for the year as it stands. */
    @CommandHandler
    EntryResult handle(RecordCityRating command, MetaData metaData, MunicipalRules rules) {
        return carryOut(entries.cityRating(command, writing(metaData, rules),
                rules.ratingSchemeOf(life.inForce().municipalityCode(), command.fiscalYear())));
    }

    /** Answers whether any field changed; each changed field is an event of its own. */
    @CommandHandler
    EntryResult handle(ReviseNarrative command, MetaData metaData, MunicipalRegisters registers) {
        return carryOut(entries.decide(command, writing(metaData, registers), null));
    }

    /**
     * Records a table's rows item by item: each item's entries are all checked before any is
     * recorded, so an item is recorded whole or not at all, and a refused item does not stop the
     * others. Answers one outcome per item, in the order sent.
     */
    @CommandHandler
    List<ItemOutcome> handle(RecordProgress command, MetaData metaData, MunicipalRules rules) {
        Writing writing = writing(metaData, rules);
        // read once for the whole table, and only if it has a status
        boolean anyStatus = command.items().stream().flatMap(item -> item.entries().stream())
                .anyMatch(RecordPeriodStatus.class::isInstance);
        StatusRules statusRules = anyStatus ? rules.statusRulesOf(life.inForce().municipalityCode()) : null;
        List<ItemOutcome> outcomes = new ArrayList<>();
        for (RecordProgress.ItemEntries item : command.items()) {
            List<Decision> decisions = new ArrayList<>();
            try {
                for (ProgressEntry entry : item.entries()) {
                    decisions.add(entries.decide(entry, writing, statusRules));
                }
            } catch (RuleViolation | AccessRefused refused) {
                outcomes.add(ItemOutcome.refused(item.itemId(), refused, decisions.size()));
                continue;
            }
            outcomes.add(ItemOutcome.recorded(item.itemId(), decisions.stream().map(this::carryOut).toList()));
        }
        return outcomes;
    }

    /** Answers whether anything changed: the definition already in force is not stored again. */
    @CommandHandler
    boolean handle(DefineKpi command) {
        return record(kpis.define(command, life.inForce(), tree));
    }

    @CommandHandler
    boolean handle(RecordKpiObservation command) {
        return record(kpis.observe(command, life.inForce()));
    }

    /** Answers whether anything changed: the same description is not recorded again. */
    @CommandHandler
    boolean handle(RevisePlan command) {
        return record(life.revise(command, tree.depth(), entries.recordedYears()));
    }

    /** Answers whether anything changed: the same predecessor is not recorded again. */
    @CommandHandler
    boolean handle(RecordSuccession command, PlanRecords records) {
        return record(life.succeed(command, records));
    }

    /** Answers whether anything changed: the same carryover is not recorded again. */
    @CommandHandler
    boolean handle(CarryOverItem command, PlanRecords records) {
        return record(life.carryOver(command, tree, records));
    }

    /** Answers whether anything changed: a plan ended after the same year is not ended again. */
    @CommandHandler
    boolean handle(EndPlan command) {
        return record(life.end(command));
    }

    /** Answers whether anything changed: a closed year is not closed again. */
    @CommandHandler
    boolean handle(CloseFiscalYear command, MunicipalRegisters registers) {
        CouncilMeetingRecorded meeting = command.councilMeetingId() == null ? null
                : registers.councilMeetingsOf(command.municipalityCode()).byId(command.councilMeetingId())
                        .orElseThrow(() -> CouncilRuleViolated.noSuchMeeting("councilMeetingId",
                                command.councilMeetingId()))
                        .meeting();
        return record(closedYears.close(command, life.inForce(), meeting));
    }

    private Writing writing(MetaData metaData, MunicipalRegisters registers) {
        return new Writing(life.inForce(), tree, closedYears, writer(metaData, registers));
    }

    /** The person writing, with the municipality's register of organisations read when a decision needs it. */
    private Writer writer(MetaData metaData, MunicipalRegisters registers) {
        return new Writer(actorOf(metaData), () -> registers.organisationsOf(life.inForce().municipalityCode()));
    }

    /** Applies what a rule set decided; answers whether it changed anything. */
    private static boolean record(List<Object> events) {
        events.forEach(AggregateLifecycle::apply);
        return !events.isEmpty();
    }

    /** Applies what was decided about a cell; answers whether it changed anything, with the cell's version after it. */
    private EntryResult carryOut(Decision decision) {
        boolean changed = record(decision.events());
        return new EntryResult(changed, entries.versionOf(decision.entry()));
    }

    private static Actor actorOf(MetaData metaData) {
        return ActorMetaData.from(metaData).orElseThrow(() -> new AccessRefused("a plan is changed by a person"));
    }

    @EventSourcingHandler
    void on(PlanAdopted event) {
        recordId = recordId(event.municipalityCode(), event.planId());
        adoption = event;
        life.on(event);
    }

    @EventSourcingHandler
    void on(PlanRevised event) {
        life.on(event);
    }

    @EventSourcingHandler
    void on(PlanEnded event) {
        life.on(event);
    }

    @EventSourcingHandler
    void on(PlanSuccessionRecorded event) {
        life.on(event);
    }

    @EventSourcingHandler
    void on(ItemCarriedOver event) {
        life.on(event);
    }

    @EventSourcingHandler
    void on(PlanItemAdded event) {
        tree.on(event);
    }

    @EventSourcingHandler
    void on(PlanItemRevised event) {
        tree.on(event);
    }

    @EventSourcingHandler
    void on(PlanItemMoved event) {
        tree.on(event);
    }

    @EventSourcingHandler
    void on(PlanItemRetired event) {
        tree.on(event);
    }

    @EventSourcingHandler
    void on(IndicatorDefined event) {
        entries.on(event);
    }

    @EventSourcingHandler
    void on(AnnualTargetSet event) {
        entries.on(event);
    }

    @EventSourcingHandler
    void on(AnnualActualRecorded event) {
        entries.on(event);
    }

    @EventSourcingHandler
    void on(NarrativeRevised event) {
        entries.on(event);
    }

    @EventSourcingHandler
    void on(NoTargetSet event) {
        entries.on(event);
    }

    @EventSourcingHandler
    void on(CityRatingRecorded event) {
        entries.on(event);
    }

    @EventSourcingHandler
    void on(PeriodStatusRecorded event) {
        entries.on(event);
    }

    @EventSourcingHandler
    void on(KpiDefined event) {
        kpis.on(event);
    }

    @EventSourcingHandler
    void on(KpiObservationRecorded event) {
        kpis.on(event);
    }

    @EventSourcingHandler
    void on(FiscalYearClosed event) {
        closedYears.on(event);
    }
}
