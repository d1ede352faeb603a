package jp.shinko.events.municipality;

import jp.shinko.events.DomainEvent;

/**
 * A fact about a municipality itself.
 *
 * <p>Sealed: a fold over these events implements {@link Visitor}, so an event added here does
 * not compile until every fold says what it does with it.
 */
public sealed interface MunicipalityEvent extends DomainEvent
        permits MunicipalityRegistered {

    /** Hands the event to the visitor's method for its type. */
    <R> R accept(Visitor<R> visitor);

    /** Something done with each event of the family. */
    interface Visitor<R> {

        R municipalityRegistered(MunicipalityRegistered event);
    }
}
