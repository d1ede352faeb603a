package jp.shinko.infra.eventstore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import jp.shinko.events.municipality.MunicipalityCode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The events as they were recorded up to an instant, read straight from the store and
 * deserialized (and upcast) as processors receive them, so what was known at any past time can
 * be folded again. One municipality's events are read through the index on municipality and
 * recorded time, so how many other municipalities' events are stored does not matter.
 */
public class RecordedEvents {

    private static final String SELECT = "select type, aggregate_identifier, sequence_number, event_identifier, "
            + "recorded_at, payload_type, payload_revision, payload, meta_data from "
            + EventStoreSchemaMigration.SCHEMA + ".domain_event_entry where recorded_at <= ?";

    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final EventUpcaster upcasters;

    RecordedEvents(JdbcClient jdbc, Serializer serializer, EventUpcaster upcasters) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.upcasters = upcasters;
    }

    /** A municipality's events recorded at or before an instant, in the order they were stored. */
    public List<DomainEventMessage<?>> of(MunicipalityCode municipality, Instant upTo) {
        return deserialize(jdbc.sql(SELECT + " and municipality_code = ? order by global_index")
                .params(utc(upTo), municipality.value())
                .query(RecordedEvents::entry)
                .list());
    }

    /** Every municipality's events recorded at or before an instant, in the order they were stored. */
    public List<DomainEventMessage<?>> all(Instant upTo) {
        return deserialize(jdbc.sql(SELECT + " order by global_index").param(utc(upTo))
                .query(RecordedEvents::entry)
                .list());
    }

    private List<DomainEventMessage<?>> deserialize(List<GenericDomainEventEntry<byte[]>> entries) {
        return EventStreamUtils.upcastAndDeserializeDomainEvents(entries.stream(), serializer, upcasters)
                .asStream().collect(Collectors.toList());
    }

    private static GenericDomainEventEntry<byte[]> entry(ResultSet row, int number) throws SQLException {
        return new GenericDomainEventEntry<>(row.getString(1), row.getString(2), row.getLong(3), row.getString(4),
                row.getObject(5, OffsetDateTime.class).toInstant(), row.getString(6), row.getString(7),
                row.getBytes(8), row.getBytes(9));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
