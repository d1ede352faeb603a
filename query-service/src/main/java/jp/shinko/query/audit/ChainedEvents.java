package jp.shinko.query.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.function.Consumer;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.infra.eventstore.EventChain;
import jp.shinko.infra.eventstore.EventStoreSchemaMigration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A municipality's stored events in chain order, each with the link stored beside it. */
@Component
class ChainedEvents {

    private final JdbcClient jdbc;

    ChainedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored event, the link stored with it, and its place in the store. */
    record ChainedEvent(long globalIndex, EventChain.Entry entry, byte[] storedLink) {
    }

    /** Hands each of the municipality's events to the consumer, in chain order. */
    void forEach(MunicipalityCode municipality, Consumer<ChainedEvent> consumer) {
        jdbc.sql("select global_index, chain_position, event_identifier, aggregate_identifier, sequence_number, "
                        + "type, recorded_at, payload_type, payload_revision, payload, meta_data, chain_link from "
                        + EventStoreSchemaMigration.SCHEMA + ".domain_event_entry where municipality_code = ? "
                        + "order by chain_position")
                .param(municipality.value())
                .query(row -> {
                    consumer.accept(chained(row));
                });
    }

    private static ChainedEvent chained(ResultSet row) throws SQLException {
        return new ChainedEvent(row.getLong("global_index"), new EventChain.Entry(row.getLong("chain_position"),
                row.getString("event_identifier"), row.getString("aggregate_identifier"),
                row.getLong("sequence_number"), row.getString("type"),
                row.getObject("recorded_at", OffsetDateTime.class).toInstant(), row.getString("payload_type"),
                row.getString("payload_revision"), row.getBytes("payload"), row.getBytes("meta_data")),
                row.getBytes("chain_link"));
    }
}
