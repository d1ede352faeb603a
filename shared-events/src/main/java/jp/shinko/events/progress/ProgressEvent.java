package jp.shinko.events.progress;

import jp.shinko.events.DomainEvent;
import jp.shinko.events.plan.AboutPlan;

/**
 * A fact about the progress recorded against a plan's items, and the years it closed.
 *
 * <p>Sealed: a fold over these events implements {@link Visitor}, so an event added here does
 * not compile until every fold says what it does with it.
 */
public sealed interface ProgressEvent extends DomainEvent, AboutPlan
        permits IndicatorDefined, AnnualTargetSet, NoTargetSet, AnnualActualRecorded, CityRatingRecorded,
        PeriodStatusRecorded, NarrativeRevised, FiscalYearClosed {

    /** Hands the event to the visitor's method for its type. */
    <R> R accept(Visitor<R> visitor);

    /** Something done with each event of the family. */
    interface Visitor<R> {

        R indicatorDefined(IndicatorDefined event);

        R annualTargetSet(AnnualTargetSet event);

        R noTargetSet(NoTargetSet event);

        R annualActualRecorded(AnnualActualRecorded event);

        R cityRatingRecorded(CityRatingRecorded event);

        R periodStatusRecorded(PeriodStatusRecorded event);

        R narrativeRevised(NarrativeRevised event);

        R fiscalYearClosed(FiscalYearClosed event);
    }
}
