package jp.shinko.events.organisation;

import jp.shinko.events.DomainEvent;

/**
 * A change to a municipality's register of organisations, recorded by the municipality.
 *
 * <p>Sealed: a fold over these events implements {@link Visitor}, so an event added here does
 * not compile until every fold says what it does with it.
 */
public sealed interface OrganisationEvent extends DomainEvent
        permits OrganisationRegistered, OrganisationRevised {

    /** The organisation the event is about. */
    OrganisationId organisationId();

    /** Hands the event to the visitor's method for its type. */
    <R> R accept(Visitor<R> visitor);

    /** Something done with each event of the family. */
    interface Visitor<R> {

        R organisationRegistered(OrganisationRegistered event);

        R organisationRevised(OrganisationRevised event);
    }
}
