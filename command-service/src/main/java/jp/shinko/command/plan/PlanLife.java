package jp.shinko.command.plan;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import jp.shinko.command.plan.PlanCommands.EndPlan;
import jp.shinko.command.plan.PlanCommands.RevisePlan;
import jp.shinko.events.calendar.FiscalYear;
import jp.shinko.events.plan.PlanAdopted;
import jp.shinko.events.plan.PlanEnded;
import jp.shinko.events.plan.PlanRevised;

/**
 * The rules of what a plan says of itself over its life: its name, period, goal and level names
 * revised with a reason, and its end. A revision keeps every recorded entry inside the period
 * and every item on a named level; an ended plan takes nothing after its last fiscal year and is
 * not revised again.
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
