package jp.shinko.events.kpi;

import jp.shinko.events.DomainEvent;
import jp.shinko.events.plan.AboutPlan;

/**
 * A fact about a plan's KPIs (成果指標) and their published figures.
 *
 * <p>Sealed: a fold over these events implements {@link Visitor}, so an event added here does
 * not compile until every fold says what it does with it.
 */
public sealed interface KpiEvent extends DomainEvent, AboutPlan
        permits KpiDefined, KpiObservationRecorded {

    /** Hands the event to the visitor's method for its type. */
    <R> R accept(Visitor<R> visitor);

    /** Something done with each event of the family. */
    interface Visitor<R> {

        R kpiDefined(KpiDefined event);

        R kpiObservationRecorded(KpiObservationRecorded event);
    }
}
