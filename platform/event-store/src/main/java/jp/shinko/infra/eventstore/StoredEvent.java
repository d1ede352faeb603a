package jp.shinko.infra.eventstore;

import java.time.Instant;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;

/**
 * An event as read from the store, with its recorded time as the instant it is. Axon's own entry
 * ({@code GenericDomainEventEntry}) keeps the time as text: it formats the column's value when the
 * row is read and parses it again every time the time is asked for (the engine asks once per
 * event to decide about gaps, the processors again), which was a seventh of the query service's
 * work in a rebuild (JFR, issue 22). Processors, aggregates and the replays for a past instant
 * ({@link RecordedEvents}) all read this instead. Payload and metadata stay serialized, as in
 * Axon's entry, until deserialized.
 */
final class StoredEvent implements DomainEventData<byte[]> {

    private final String type;
    private final String aggregateIdentifier;
    private final long sequenceNumber;
    private final String eventIdentifier;
    private final Instant recordedAt;
    private final String payloadType;
    private final String payloadRevision;
    private final byte[] payload;
    private final byte[] metaData;

    StoredEvent(String type, String aggregateIdentifier, long sequenceNumber, String eventIdentifier,
            Instant recordedAt, String payloadType, String payloadRevision, byte[] payload, byte[] metaData) {
        this.type = type;
        this.aggregateIdentifier = aggregateIdentifier;
        this.sequenceNumber = sequenceNumber;
        this.eventIdentifier = eventIdentifier;
        this.recordedAt = recordedAt;
        this.payloadType = payloadType;
        this.payloadRevision = payloadRevision;
        this.payload = payload;
        this.metaData = metaData;
    }

    @Override
    public String getType() {
        return type;
    }

    @Override
    public String getAggregateIdentifier() {
        return aggregateIdentifier;
    }

    @Override
    public long getSequenceNumber() {
        return sequenceNumber;
    }

    @Override
    public String getEventIdentifier() {
        return eventIdentifier;
    }

    @Override
    public Instant getTimestamp() {
        return recordedAt;
    }

    @Override
    public SerializedObject<byte[]> getMetaData() {
        return new SerializedMetaData<>(metaData, byte[].class);
    }

    @Override
    public SerializedObject<byte[]> getPayload() {
        return new SimpleSerializedObject<>(payload, byte[].class, new SimpleSerializedType(payloadType,
                payloadRevision));
    }
}
