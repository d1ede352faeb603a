package jp.shinko.infra.eventstore;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import jp.shinko.events.municipality.MunicipalityCode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.postgresql.PGStatement;
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
 *
 * <p>A municipality's settled events, recorded longer ago than {@code settledAfter}, are kept
 * in memory once read (for the municipalities asked about most recently, up to
 * {@code cachedEvents} events in all). The store is append-only, and an event recorded that long
 * ago has committed or never will, since no transaction runs for minutes; so only the events
 * recorded since are read again, and merged in stored order. Reading and deserializing were
 * three fifths of an "as of" answer.
 */
public class RecordedEvents {

    private static final String SELECT = select("meta_data");

    /** The same without the metadata, which is two thirds of a stored event's bytes (who, trace, command). */
    private static final String SELECT_PAYLOADS = select("null::bytea");

    /** The metadata of an event read without it: none. */
    private static final byte[] NO_META_DATA = "{}".getBytes(StandardCharsets.UTF_8);

    private static final int FETCH_SIZE = 1000;

    /**
     * PostgreSQL's JDBC driver asks for results in binary format only once a statement has run
     * five times on a connection, unless told so from the first (a negative threshold).
     */
    private static final int BINARY_FROM_THE_FIRST_EXECUTION = -1;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Serializer serializer;
    private final EventUpcaster upcasters;
    private final Clock clock;
    private final Duration settledAfter;
    /** Settled events by municipality code, weighed by their number of events. */
    private final Cache<String, Settled> settled;

    /** An event and its place in the store: deserialized, or as stored until it is. */
    private record Recorded(long globalIndex, Instant recordedAt, DomainEventMessage<?> message,
            StoredEvent entry) {

        Recorded(long globalIndex, Instant recordedAt, DomainEventMessage<?> message) {
            this(globalIndex, recordedAt, message, null);
        }
    }

    /** A municipality's events recorded at or before {@code until}, in stored order. */
    private record Settled(Instant until, List<Recorded> events) {
    }

    RecordedEvents(DataSource dataSource, Serializer serializer, EventUpcaster upcasters, Clock clock,
            Duration settledAfter, long cachedEvents) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        TransactionTemplate readOnly = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        readOnly.setReadOnly(true);
        this.transactions = readOnly; // PostgreSQL reads with a cursor, a page at a time, only in a transaction
        this.serializer = serializer;
        this.upcasters = upcasters;
        this.clock = clock;
        this.settledAfter = settledAfter;
        this.settled = Caffeine.newBuilder()
                .maximumWeight(cachedEvents)
                .weigher((String municipality, Settled events) -> 1 + events.events().size()) // an empty entry too
                .recordStats()
                .build();
    }

    /** The settled events kept in memory, for the cache's metrics. */
    Cache<String, ?> settledEvents() {
        return settled;
    }

    /** A municipality's events recorded at or before an instant, in the order they were stored. */
    public List<DomainEventMessage<?>> of(MunicipalityCode municipality, Instant upTo) {
        Settled known = settled(municipality.value(), clock.instant().minus(settledAfter));
        List<Recorded> events = known.events().stream()
                .filter(event -> !event.recordedAt().isAfter(upTo))
                .toList();
        if (upTo.isAfter(known.until())) {
            events = inStoredOrder(events, read(municipality.value(), known.until(), upTo));
        }
        return events.stream().<DomainEventMessage<?>>map(Recorded::message).toList();
    }

    /** The municipality's events recorded up to {@code until}: those kept, and those recorded since. */
    private Settled settled(String municipality, Instant until) {
        Settled known = settled.getIfPresent(municipality);
        if (known != null && !known.until().isBefore(until)) {
            return known;
        }
        Settled now = known == null ? new Settled(until, read(municipality, null, until))
                : new Settled(until, inStoredOrder(known.events(), read(municipality, known.until(), until)));
        settled.asMap().merge(municipality, now, (kept, read) -> kept.until().isBefore(read.until()) ? read : kept);
        return now;
    }

    /** The municipality's events recorded after {@code after} (from the first when null) up to {@code upTo}. */
    private List<Recorded> read(String municipality, Instant after, Instant upTo) {
        List<Recorded> events = new ArrayList<>();
        jdbc.sql(SELECT + (after == null ? "" : " and recorded_at > ?") + " and municipality_code = ? "
                        + "order by global_index")
                .params(after == null ? List.of(utc(upTo), municipality)
                        : List.of(utc(upTo), utc(after), municipality))
                .query((RowCallbackHandler) row -> {
                    StoredEvent entry = entry(row, 0);
                    long globalIndex = row.getLong(10);
                    deserialize(List.of(entry)).forEach(message ->
                            events.add(new Recorded(globalIndex, entry.getTimestamp(), message)));
                });
        return events;
    }

    /** Both lists, each in stored order, merged in stored order. */
    private static List<Recorded> inStoredOrder(List<Recorded> earlier, List<Recorded> later) {
        if (later.isEmpty()) {
            return earlier;
        }
        List<Recorded> merged = new ArrayList<>(earlier.size() + later.size());
        int i = 0;
        int j = 0;
        while (i < earlier.size() || j < later.size()) {
            boolean fromEarlier = j == later.size()
                    || i < earlier.size() && earlier.get(i).globalIndex() < later.get(j).globalIndex();
            merged.add(fromEarlier ? earlier.get(i++) : later.get(j++));
        }
        return merged;
    }

    /**
     * Hands each municipality's events recorded at or before an instant to the consumer, one
     * municipality at a time in code order, each list in the order the events were stored: what
     * a view of every municipality in the past needs, with one municipality's events in memory at
     * a time however large the store. Read in the order of the index on municipality and recorded
     * time (no sort of the store), then each municipality's events put in stored order.
     *
     * <p>The events come without their metadata (who sent them, the trace, the command): the folds
     * of rows these views make never read it, and it is two thirds of what the store holds per
     * event. The columns come in PostgreSQL's binary format: as text, every payload was sent as
     * hexadecimal digits, twice its size, which both ends spent time writing and parsing (JFR,
     * BENCHMARKS.md tuning log 29).
     */
    public void forEachMunicipality(Instant upTo, Consumer<List<DomainEventMessage<?>>> consumer) {
        transactions.executeWithoutResult(readOnly -> {
            JdbcTemplate cursor = new JdbcTemplate(dataSource);
            cursor.setFetchSize(FETCH_SIZE);
            List<Recorded> municipality = new ArrayList<>();
            String[] current = {null};
            cursor.query(connection -> {
                PreparedStatement statement = connection.prepareStatement(SELECT_PAYLOADS
                        + " and municipality_code is not null order by municipality_code, recorded_at, global_index");
                statement.unwrap(PGStatement.class).setPrepareThreshold(BINARY_FROM_THE_FIRST_EXECUTION);
                statement.setObject(1, utc(upTo));
                return statement;
            }, (RowCallbackHandler) row -> {
                String code = row.getString(11);
                if (!code.equals(current[0])) {
                    handOver(municipality, consumer);
                    current[0] = code;
                }
                StoredEvent entry = entry(row, 0);
                municipality.add(new Recorded(row.getLong(10), entry.getTimestamp(), null, entry));
            });
            handOver(municipality, consumer);
        });
    }

    private void handOver(List<Recorded> municipality, Consumer<List<DomainEventMessage<?>>> consumer) {
        if (!municipality.isEmpty()) {
            municipality.sort(Comparator.comparingLong(Recorded::globalIndex));
            consumer.accept(deserialize(municipality.stream().map(Recorded::entry).toList()));
            municipality.clear();
        }
    }

    private List<DomainEventMessage<?>> deserialize(List<StoredEvent> entries) {
        return EventStreamUtils.upcastAndDeserializeDomainEvents(entries.stream(), serializer, upcasters)
                .asStream().collect(Collectors.toList());
    }

    private static StoredEvent entry(ResultSet row, int number) throws SQLException {
        return new StoredEvent(row.getString(1), row.getString(2), row.getLong(3), row.getString(4),
                row.getObject(5, OffsetDateTime.class).toInstant(), row.getString(6), row.getString(7),
                row.getBytes(8), Objects.requireNonNullElse(row.getBytes(9), NO_META_DATA));
    }

    /** The events recorded up to an instant, with this column for their metadata. */
    private static String select(String metaData) {
        return "select type, aggregate_identifier, sequence_number, event_identifier, recorded_at, payload_type, "
                + "payload_revision, payload, " + metaData + ", global_index, municipality_code from "
                + EventStoreSchemaMigration.SCHEMA + ".domain_event_entry where recorded_at <= ?";
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
