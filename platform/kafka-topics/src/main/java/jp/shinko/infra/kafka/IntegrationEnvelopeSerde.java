package jp.shinko.infra.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import jp.shinko.events.DomainEvent;
import jp.shinko.events.EventCatalogue;
import jp.shinko.events.actor.Actor;
import jp.shinko.events.integration.BusinessTime;
import jp.shinko.events.integration.ChainLink;
import jp.shinko.events.integration.IntegrationEnvelope;
import jp.shinko.events.municipality.MunicipalityCode;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes and reads {@link IntegrationEnvelope}s as UTF-8 JSON in the shape of the envelope's
 * JSON Schema.
 *
 * <p>Reading resolves the payload's class from the envelope's {@code type} through the
 * {@link EventCatalogue}; an event type this version does not know is refused with a message
 * that says so, since guessing its shape would be worse. Unknown envelope fields are ignored,
 * as the schema allows.
 */
public final class IntegrationEnvelopeSerde implements Serde<IntegrationEnvelope> {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Override
    public Serializer<IntegrationEnvelope> serializer() {
        return (topic, envelope) -> envelope == null ? null : write(envelope);
    }

    @Override
    public Deserializer<IntegrationEnvelope> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(bytes);
    }

    /** The envelope as UTF-8 JSON. */
    public static byte[] write(IntegrationEnvelope envelope) {
        try {
            return MAPPER.writeValueAsBytes(envelope);
        } catch (JacksonException e) {
            throw new SerializationException("could not write envelope of event " + envelope.eventId(), e);
        }
    }

    /** Reads an envelope, with its payload as the event class its type names. */
    public static IntegrationEnvelope read(byte[] json) {
        try {
            ObjectNode tree = (ObjectNode) MAPPER.readTree(json);
            JsonNode typeNode = tree.get("type");
            if (typeNode == null || !typeNode.isString()) {
                throw new SerializationException("envelope has no type: " + new String(json, StandardCharsets.UTF_8));
            }
            String type = typeNode.asString();
            Class<? extends DomainEvent> payloadClass = EventCatalogue.classOf(type)
                    .orElseThrow(() -> new SerializationException("unknown event type " + type
                            + ": this version of shared-events does not know it; upgrade, or read the JSON directly"));
            DomainEvent payload = MAPPER.treeToValue(tree.remove("payload"), payloadClass);
            return MAPPER.treeToValue(tree, EnvelopeFields.class).withPayload(payload);
        } catch (JacksonException | ClassCastException e) {
            throw new SerializationException(
                    "not an integration envelope: " + new String(json, StandardCharsets.UTF_8), e);
        }
    }

    /** The envelope's own fields, read before the payload's class is known. */
    private record EnvelopeFields(int envelopeVersion, String eventId, String type, int revision,
            MunicipalityCode municipalityCode, String aggregateType, String aggregateId, long aggregateSequence,
            BusinessTime businessTime, Instant recordedAt, String commandId, Actor actor, ChainLink chain,
            List<MunicipalityCode> participants) {

        IntegrationEnvelope withPayload(DomainEvent payload) {
            return new IntegrationEnvelope(envelopeVersion, eventId, type, revision, municipalityCode, aggregateType,
                    aggregateId, aggregateSequence, businessTime, recordedAt, commandId, actor, chain, participants,
                    payload);
        }
    }
}
