package jp.shinko.command.messaging;

import java.util.List;
import java.util.function.BiFunction;
import jp.shinko.command.problem.ContentTooLarge;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Refuses to store an event whose payload is larger than {@code shinko.event-store.max-event-size}
 * (256 KB), so that no event the API accepts can exceed what the Kafka relay publishes
 * ({@code max.request.size}, 1 MB, with the envelope around the payload). Every field a request
 * takes is bounded far below this (the largest event, an item with every list full of 4-byte
 * characters, is about 10 KB); this is the guard that holds if a bound is ever forgotten. The
 * payload is serialized here by the store's serializer, which keeps the result for the insert.
 */
@Component
class EventSizeLimit implements MessageDispatchInterceptor<EventMessage<?>> {

    private final Serializer serializer;
    private final int maxBytes;

    EventSizeLimit(EventStore eventStore, Serializer serializer,
            @Value("${shinko.event-store.max-event-size:262144}") int maxBytes) {
        this.serializer = serializer;
        this.maxBytes = maxBytes;
        eventStore.registerDispatchInterceptor(this);
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, message) -> {
            int size = message.serializePayload(serializer, byte[].class).getData().length;
            if (size > maxBytes) {
                throw new ContentTooLarge("the request would record a " + message.getPayloadType().getSimpleName()
                        + " of " + size + " bytes; an event has at most " + maxBytes + " bytes, so that it can be "
                        + "published to Kafka. Send less text or fewer entries");
            }
            return message;
        };
    }
}
