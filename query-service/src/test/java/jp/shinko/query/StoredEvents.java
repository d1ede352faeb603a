package jp.shinko.query;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.shinko.events.actor.Actor;
import jp.shinko.infra.security.ActorMetaData;
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
        append(store, aggregateType, aggregateId, firstSequence, null, events);
    }

    /** Appends the events as recorded for a person, whose keys go into each event's metadata. */
    public static void append(EventStore store, String aggregateType, String aggregateId, long firstSequence,
            Actor actor, List<?> events) {
        Map<String, Object> metaData = new HashMap<>(actor == null ? Map.of() : ActorMetaData.of(actor));
        long sequence = firstSequence;
        for (Object event : events) {
            metaData.put("commandId", UUID.randomUUID().toString());
            store.publish(new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence++, event,
                    Map.copyOf(metaData)));
        }
    }
}
