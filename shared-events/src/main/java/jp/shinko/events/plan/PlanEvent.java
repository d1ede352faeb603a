package jp.shinko.events.plan;

import jp.shinko.events.DomainEvent;

/**
 * A fact about a plan and its tree of items.
 *
 * <p>Sealed: a fold over these events implements {@link Visitor}, so an event added here does
 * not compile until every fold says what it does with it.
 */
public sealed interface PlanEvent extends DomainEvent, AboutPlan
        permits PlanAdopted, PlanRevised, PlanEnded, PlanSuccessionRecorded, ItemCarriedOver, PlanItemAdded,
        PlanItemRevised, PlanItemMoved, PlanItemRetired {

    /** Hands the event to the visitor's method for its type. */
    <R> R accept(Visitor<R> visitor);

    /** Something done with each event of the family. */
    interface Visitor<R> {

        R planAdopted(PlanAdopted event);

        R planRevised(PlanRevised event);

        R planEnded(PlanEnded event);

        R planSuccessionRecorded(PlanSuccessionRecorded event);

        R itemCarriedOver(ItemCarriedOver event);

        R planItemAdded(PlanItemAdded event);

        R planItemRevised(PlanItemRevised event);

        R planItemMoved(PlanItemMoved event);

        R planItemRetired(PlanItemRetired event);
    }
}
