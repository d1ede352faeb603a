package jp.shinko.command.plan;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import jp.shinko.command.plan.PlanCommands.CarryOverItem;
import jp.shinko.command.plan.PlanCommands.EndPlan;
import jp.shinko.command.plan.PlanCommands.RecordSuccession;
import jp.shinko.command.plan.PlanCommands.RevisePlan;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.plan.ItemCarriedOver;
import jp.shinko.events.plan.PlanAdopted;
import jp.shinko.events.plan.PlanEnded;
import jp.shinko.events.plan.PlanId;
import jp.shinko.events.plan.PlanRevised;
import jp.shinko.events.plan.PlanSuccessionRecorded;

/**
 * The rules of what a plan says of itself over its life: its name, period, goal and level names
 * revised with a reason, its end, the plan it succeeds and what became of that plan's items. A
 * revision keeps every recorded entry inside the period and every item on a named level; an ended
 * plan takes nothing after its last fiscal year and is not revised again; a successor begins
 * after its predecessor's last year.
 *
 * <p>Pure, like the plan's other rule sets, and part of its snapshot.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
final class PlanLife {

    /** What the plan says of itself now, in the shape it was adopted in. */
    private PlanAdopted described;
    /** The last fiscal year of a plan that was ended; {@code null} while it runs. */
    private FiscalYear endedAfter;
    /** The plan this one succeeds, if it records one. */
    private PlanId predecessor;
    /** What became of each item of the predecessor, by its id. */
    private Map<String, ItemCarriedOver> carryovers = new HashMap<>();

    /**
     * The plan as the other rule sets read it: its description now, running to its last fiscal
     * year (the year it ended in, if it was ended early).
     */
    PlanAdopted inForce() {
        if (endedAfter == null || !described.toFiscalYear().isAfter(endedAfter)) {
            return described;
        }
        return new PlanAdopted(described.municipalityCode(), described.planId(), described.name(),
                described.fromFiscalYear(), endedAfter, described.goal(), described.levelNames());
    }

    /**
     * Revises the description; nothing when it says what it says already.
     *
     * @param treeDepth how many levels the plan's tree has
     * @param recordedYears the first and last fiscal years with entries, if any
     */
    List<Object> revise(RevisePlan command, int treeDepth, Optional<ProgressEntries.RecordedYears> recordedYears) {
        if (endedAfter != null) {
            throw PlanRuleViolated.ended(described.planId(), endedAfter);
        }
        if (described.name().equals(command.name()) && described.fromFiscalYear().equals(command.fromFiscalYear())
                && described.toFiscalYear().equals(command.toFiscalYear())
                && Objects.equals(described.goal(), command.goal())
                && described.levelNames().equals(command.levelNames())) {
            return List.of();
        }
        ItemTree.requireLevelsNamed(command.levelNames(), treeDepth);
        recordedYears.ifPresent(years -> {
            if (command.fromFiscalYear().isAfter(years.first()) || years.last().isAfter(command.toFiscalYear())) {
                throw PlanRuleViolated.periodExcludesEntries(command.fromFiscalYear(), command.toFiscalYear(),
                        years.first(), years.last());
            }
        });
        return List.of(new PlanRevised(described.municipalityCode(), described.planId(), command.name(),
                command.fromFiscalYear(), command.toFiscalYear(), command.goal(), command.levelNames(),
                command.reason()));
    }

    /** Ends the plan after a fiscal year of its period; nothing when it ended after that year already. */
    List<Object> end(EndPlan command) {
        FiscalYear last = command.lastFiscalYear();
        if (last.isAfter(described.toFiscalYear()) || described.fromFiscalYear().isAfter(last)) {
            throw PlanRuleViolated.outsidePeriod("lastFiscalYear", last, described.fromFiscalYear(),
                    described.toFiscalYear());
        }
        if (endedAfter != null) {
            if (endedAfter.equals(last)) {
                return List.of();
            }
            throw PlanRuleViolated.ended(described.planId(), endedAfter);
        }
        return List.of(new PlanEnded(described.municipalityCode(), described.planId(), last, command.reason()));
    }

    /**
     * Records the plan this one succeeds: another plan of the municipality that ended before this
     * one begins and that no other plan succeeds; nothing when it is recorded already.
     */
    List<Object> succeed(RecordSuccession command, PlanRecords records) {
        PlanId predecessorId = command.predecessorPlanId();
        if (predecessorId.equals(predecessor)) {
            return List.of();
        }
        if (predecessor != null) {
            throw PlanRuleViolated.alreadySucceeds(described.planId(), predecessor);
        }
        if (predecessorId.equals(described.planId())) {
            throw PlanRuleViolated.noSuchPlan("predecessorPlanId", predecessorId, "a plan does not succeed itself");
        }
        PlanAdopted earlier = records.inForce(described.municipalityCode(), predecessorId).orElseThrow(() ->
                PlanRuleViolated.noSuchPlan("predecessorPlanId", predecessorId, "the municipality has no such plan"));
        if (!described.fromFiscalYear().isAfter(earlier.toFiscalYear())) {
            throw PlanRuleViolated.overlaps(predecessorId, earlier.toFiscalYear(), described.fromFiscalYear());
        }
        records.successorOf(described.municipalityCode(), predecessorId).ifPresent(other -> {
            throw PlanRuleViolated.noSuchPlan("predecessorPlanId", predecessorId, "plan " + other
                    + " succeeds it already");
        });
        return List.of(new PlanSuccessionRecorded(described.municipalityCode(), described.planId(), predecessorId));
    }

    /**
     * Records what became of an item of the predecessor: the item must be the predecessor's, and
     * the items it became this plan's; nothing when it says so already.
     */
    List<Object> carryOver(CarryOverItem command, ItemTree tree, PlanRecords records) {
        if (predecessor == null) {
            throw PlanRuleViolated.noPredecessor(described.planId());
        }
        if (!records.hasItem(described.municipalityCode(), predecessor, command.predecessorItemId())) {
            throw PlanRuleViolated.noSuchItem("predecessorItemId", command.predecessorItemId(),
                    "in plan " + predecessor);
        }
        for (int i = 0; i < command.itemIds().size(); i++) {
            if (!tree.has(command.itemIds().get(i))) {
                throw PlanRuleViolated.noSuchItem("itemIds[" + i + "]", command.itemIds().get(i),
                        "in this plan");
            }
        }
        ItemCarriedOver carried = new ItemCarriedOver(described.municipalityCode(), described.planId(),
                command.predecessorItemId(), command.kind(), command.itemIds(), command.note());
        return carried.equals(carryovers.get(command.predecessorItemId().value())) ? List.of() : List.of(carried);
    }

    void on(PlanSuccessionRecorded event) {
        predecessor = event.predecessorPlanId();
    }

    void on(ItemCarriedOver event) {
        carryovers.put(event.predecessorItemId().value(), event);
    }

    void on(PlanAdopted event) {
        described = event;
    }

    void on(PlanRevised event) {
        described = new PlanAdopted(event.municipalityCode(), event.planId(), event.name(), event.fromFiscalYear(),
                event.toFiscalYear(), event.goal(), event.levelNames());
    }

    void on(PlanEnded event) {
        endedAfter = event.lastFiscalYear();
    }
}
