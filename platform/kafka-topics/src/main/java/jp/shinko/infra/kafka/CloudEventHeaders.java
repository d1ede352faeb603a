package jp.shinko.infra.kafka;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import jp.shinko.events.integration.IntegrationEnvelope;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * The CloudEvents 1.0 attributes of an envelope, as the headers of the Kafka protocol binding's
 * binary mode: a consumer that speaks CloudEvents reads each record as an event whose data is
 * the unchanged JSON envelope, without parsing it to route or filter.
 *
 * <ul>
 *   <li>{@code ce_id}: the event id (the envelope's {@code eventId});</li>
 *   <li>{@code ce_source}: {@code /municipalities/{code}}, the municipality whose records
 *       changed (with {@code ce_id} unique, as CloudEvents asks);</li>
 *   <li>{@code ce_type}: {@code jp.shinko.<type>.v<revision>}, for example
 *       {@code jp.shinko.MunicipalityRegistered.v1};</li>
 *   <li>{@code ce_time}: when the event was recorded (RFC 3339, UTC);</li>
 *   <li>{@code ce_subject}: the record that changed (the envelope's {@code aggregateId});</li>
 *   <li>{@code ce_specversion} {@code 1.0} and {@code content-type} {@code application/json}.</li>
 * </ul>
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";

    /** The prefix of every event type this system publishes. */
    public static final String TYPE_PREFIX = "jp.shinko.";

    private CloudEventHeaders() {
    }

    /** The headers of the record that carries the envelope. */
    public static List<Header> of(IntegrationEnvelope envelope) {
        return List.of(
                header(SPEC_VERSION, "1.0"),
                header(ID, envelope.eventId()),
                header(SOURCE, source(envelope)),
                header(TYPE, type(envelope)),
                header(TIME, DateTimeFormatter.ISO_INSTANT.format(envelope.recordedAt())),
                header(SUBJECT, envelope.aggregateId()),
                header(CONTENT_TYPE, "application/json"));
    }

    /** The {@code ce_type} of an envelope: its type and revision under this system's prefix. */
    public static String type(IntegrationEnvelope envelope) {
        return TYPE_PREFIX + envelope.type() + ".v" + envelope.revision();
    }

    /** The {@code ce_source} of an envelope: the municipality whose records it is about. */
    public static String source(IntegrationEnvelope envelope) {
        return "/municipalities/" + envelope.municipalityCode().value();
    }

    /** A header's value as text, or null when the record does not carry it. */
    public static String value(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
