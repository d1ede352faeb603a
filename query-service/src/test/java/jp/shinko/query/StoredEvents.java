package jp.shinko.query;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Stores events as the command service would, one aggregate's events in order, so a query test
 * can set up exactly the facts it reads back without a command service.
 */
public final class StoredEvents {

    private StoredEvents() {
    }

    /** Appends the events to an aggregate's stream, numbering them from {@code firstSequence}. */
    public static void append(EventStore store, String aggregateType, String aggregateId, long firstSequence,
            List<?> events) {
        long sequence = firstSequence;
        for (Object event : events) {
            store.publish(new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence++, event,
                    Map.of("commandId", UUID.randomUUID().toString())));
        }
    }
}
