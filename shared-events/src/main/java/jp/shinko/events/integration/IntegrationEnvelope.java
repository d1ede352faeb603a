package jp.shinko.events.integration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import jp.shinko.events.DomainEvent;
import jp.shinko.events.EventCatalogue;
import jp.shinko.events.EventType;
import jp.shinko.events.SharedRecord;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.municipality.MunicipalityCode;

/**
 * One event as published on Kafka for consumers outside the project, such as the Tokyo
 * Metropolitan Government's analytics.
 *
 * <p>The envelope is the integration contract, kept apart from how events are stored: its JSON
 * form is described by {@link #JSON_SCHEMA}. Delivery is at least once, so consumers dedupe on
 * {@link #eventId()}. The Kafka key is the municipality code, so one city's events arrive in
 * the order they were recorded. A record one government keeps and several municipalities take
 * part in (a prefecture's joint project) is keyed by its keeper, so its events stay in order
 * with the keeper's chain, and the envelope lists the {@link #participants()} for their consumers.
 *
 * @param envelopeVersion the version of this envelope's own shape, {@value #CURRENT_VERSION}
 * @param eventId unique per event; the same event delivered twice has the same id
 * @param type the event's logical name, such as {@code MunicipalityRegistered}
 * @param revision the payload's revision for that name
 * @param municipalityCode the municipality the event belongs to (also the Kafka key)
 * @param aggregateType the kind of record that changed, such as {@code Municipality}
 * @param aggregateId the identifier of that record; starts with the municipality code
 * @param aggregateSequence the position of the event within that record's history, from 0
 * @param businessTime the fiscal year (and quarter) the fact is about, when it is about one
 * @param recordedAt when the system recorded the event (UTC)
 * @param commandId the id of the request that caused the event; a retried request has the same id
 * @param actor who caused the event, as their verified token named them; absent on events
 *     recorded before identities were checked
 * @param chain the municipality's hash-chain head after this event
 * @param participants for a record one government keeps and municipalities take part in (a joint
 *     project, a consultation case), every one of them, the lead first; absent for a municipality's
 *     own records and for a kept record that names none
 * @param payload the event itself
 */
@JsonPropertyOrder({"envelopeVersion", "eventId", "type", "revision", "municipalityCode", "aggregateType",
        "aggregateId", "aggregateSequence", "businessTime", "recordedAt", "commandId", "actor", "chain", "participants",
        "payload"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IntegrationEnvelope(
        int envelopeVersion,
        String eventId,
        String type,
        int revision,
        MunicipalityCode municipalityCode,
        String aggregateType,
        String aggregateId,
        long aggregateSequence,
        BusinessTime businessTime,
        Instant recordedAt,
        String commandId,
        Actor actor,
        ChainLink chain,
        List<MunicipalityCode> participants,
        DomainEvent payload) {

    /** The envelope shape this version of the library writes. */
    public static final int CURRENT_VERSION = 1;

    /** Class-path location of the envelope's JSON Schema (draft 2020-12). */
    public static final String JSON_SCHEMA = "/jp/shinko/events/integration/integration-envelope.schema.json";

    public IntegrationEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(municipalityCode, "municipalityCode");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(payload, "payload");
        participants = participants == null ? null : List.copyOf(participants);
    }

    /** Wraps a stored event; type, revision and municipality are taken from the payload. */
    public static IntegrationEnvelope of(String eventId, String aggregateType, String aggregateId,
            long aggregateSequence, Instant recordedAt, String commandId, Actor actor, ChainLink chain,
            DomainEvent payload) {
        EventType eventType = EventCatalogue.typeOf(payload.getClass());
        return new IntegrationEnvelope(CURRENT_VERSION, eventId, eventType.name(), eventType.revision(),
                payload.municipalityCode(), aggregateType, aggregateId, aggregateSequence,
                BusinessTime.of(payload).orElse(null), recordedAt, commandId, actor, chain,
                payload instanceof SharedRecord shared && !shared.participants().isEmpty() ? shared.participants()
                : null, payload);
    }
}
