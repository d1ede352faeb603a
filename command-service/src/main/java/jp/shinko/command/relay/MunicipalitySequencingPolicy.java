package jp.shinko.command.relay;

import jp.shinko.events.DomainEvent;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;

/**
 * Keeps each municipality's events in one processor segment, in the order they were stored, so
 * they reach their Kafka partition in that order even when the relay runs several segments.
 */
final class MunicipalitySequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        if (event.getPayload() instanceof DomainEvent domainEvent) {
            return domainEvent.municipalityCode().value();
        }
        return event.getIdentifier();
    }
}
