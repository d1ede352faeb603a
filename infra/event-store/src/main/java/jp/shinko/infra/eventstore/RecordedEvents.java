package jp.shinko.infra.eventstore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import jp.shinko.events.municipality.MunicipalityCode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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

    private static final int FETCH_SIZE = 1000;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Serializer serializer;
    private final EventUpcaster upcasters;

    RecordedEvents(DataSource dataSource, Serializer serializer, EventUpcaster upcasters) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        TransactionTemplate readOnly = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        readOnly.setReadOnly(true);
        this.transactions = readOnly; // PostgreSQL reads with a cursor, a page at a time, only in a transaction
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

    /**
     * Hands every municipality's events recorded at or before an instant to the consumer, in the
     * order they were stored, a thousand rows at a time: the store may hold millions.
     */
    public void forEach(Instant upTo, Consumer<DomainEventMessage<?>> consumer) {
        transactions.executeWithoutResult(readOnly -> {
            JdbcTemplate cursor = new JdbcTemplate(dataSource);
            cursor.setFetchSize(FETCH_SIZE);
            List<GenericDomainEventEntry<byte[]>> page = new ArrayList<>(FETCH_SIZE);
            cursor.query(SELECT + " order by global_index", (RowCallbackHandler) row -> {
                page.add(entry(row, 0));
                if (page.size() == FETCH_SIZE) {
                    deserialize(page).forEach(consumer);
                    page.clear();
                }
            }, utc(upTo));
            deserialize(page).forEach(consumer);
        });
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
