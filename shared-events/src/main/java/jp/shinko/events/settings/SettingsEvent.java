package jp.shinko.events.settings;

import jp.shinko.events.DomainEvent;

/**
 * A municipality adopted one of its rules: how it rates, its status legend, its reasons, its deadlines,
 * the subsidy terms of its programmes.
 *
 * <p>Sealed: a fold over these events implements {@link Visitor}, so an event added here does
 * not compile until every fold says what it does with it.
 */
public sealed interface SettingsEvent extends DomainEvent
        permits RatingSchemeAdopted, StatusLegendAdopted, ReasonCodesAdopted, ReportingDeadlinesAdopted,
        SubsidyTermsAdopted {

    /** Hands the event to the visitor's method for its type. */
    <R> R accept(Visitor<R> visitor);

    /** Something done with each event of the family. */
    interface Visitor<R> {

        R ratingSchemeAdopted(RatingSchemeAdopted event);

        R statusLegendAdopted(StatusLegendAdopted event);

        R reasonCodesAdopted(ReasonCodesAdopted event);

        R reportingDeadlinesAdopted(ReportingDeadlinesAdopted event);

        R subsidyTermsAdopted(SubsidyTermsAdopted event);
    }
}
