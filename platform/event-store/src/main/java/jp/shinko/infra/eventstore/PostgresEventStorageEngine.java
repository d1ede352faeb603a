package jp.shinko.infra.eventstore;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

/**
 * Axon's JDBC engine with the recorded time stored as {@code timestamptz} instead of text.
 *
 * <p>A real timestamp lets PostgreSQL answer "events of one municipality up to recorded time T"
 * from an index, and lets an auditor query the table with ordinary SQL. Axon keeps event
 * timestamps to the millisecond, so they are stored to the millisecond: what is stored and what
 * handlers see are the same instant.
 *
 * <p>Each append is a span of the trace it is part of (the HTTP request whose command caused
 * the events), so a trace shows the time spent writing to the store.
 *
 * <p>A processor reads fewer events per query the more gaps its position carries
 * ({@link #trackedBatchSize}): Axon gives every event read its own copy of the reader's tracking
 * token, gaps included, so a batch costs memory in events × gaps. Gaps are the positions of
 * transactions still open (or rolled back) when the events after them were read; with eight
 * clients entering 560-row tables at once a reader at the head sees thousands, and a 1,000-event
 * batch then held millions of copied gaps (a 512 MiB command service ran out of memory, found by
 * {@code ./local-stack bench}). A processor catching up on settled events has no gaps and still
 * reads 1,000 at a time.
 */
final class PostgresEventStorageEngine extends JdbcEventStorageEngine {

    /** Gaps copied per batch read, at most: about 40 bytes each, so about 8 MB. */
    static final int GAPS_PER_BATCH = 200_000;
    /** Axon's defaults, given to the builder ({@link #over}) and applied by {@link #getTrackedEventData} too. */
    private static final long LOWEST_GLOBAL_SEQUENCE = 1;
    private static final int MAX_GAP_OFFSET = 10_000;
    private static final int GAP_TIMEOUT_MILLIS = 60_000;
    private static final int SMALLEST_BATCH = 10;
    /** The most events one read of the store's cache for tailing processors goes on for: one batch. */
    static final int TAILING_READ = 1000;

    private final Tracer tracer;

    PostgresEventStorageEngine(Builder builder, Tracer tracer) {
        super(builder.createTokenAt(PostgresEventStorageEngine::firstTokenAtOrAfter));
        this.tracer = tracer;
    }

    /**
     * What every engine over these tables is built with, whatever reads or writes through it:
     * one JSON serializer for events and snapshots, payloads in {@code bytea}, a lost race on a
     * sequence number resolved as Axon's {@code ConcurrencyException}, and 1,000 events read per
     * query (a processor catching up or rebuilding reads the store 1,000 at a time).
     */
    static JdbcEventStorageEngine.Builder over(Serializer serializer, PersistenceExceptionResolver resolver,
            EventSchema schema) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(serializer)
                .persistenceExceptionResolver(resolver)
                .dataType(byte[].class)
                .batchSize(1000)
                .lowestGlobalSequence(LOWEST_GLOBAL_SEQUENCE)
                .maxGapOffset(MAX_GAP_OFFSET)
                .gapTimeout(GAP_TIMEOUT_MILLIS)
                .schema(schema);
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events,
            Serializer serializer) {
        Span span = tracer.nextSpan().name("event-store append").tag("events", events.size()).start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            super.appendEvents(events, serializer);
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    /**
     * Events after a position. The store's cache for tailing processors is the only reader that
     * may block ({@code mayBlock}), and it reads on until a batch comes back empty, while Axon
     * keeps the first event it read in that call, and through it every event read since, until the
     * call returns: under a steady load no batch is empty, and the command service's 512 MiB heap
     * held 147,575 events read by one call (a class histogram in ./local-stack bench, phase 3),
     * then ran out. That reader's call ends after {@link #TAILING_READ} events, and it calls again
     * from where it stopped; the processors' own reads are not bounded.
     */
    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        Stream<? extends TrackedEventMessage<?>> events = super.readEvents(trackingToken, mayBlock);
        return mayBlock ? events.limit(TAILING_READ) : events;
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        return super.fetchTrackedEvents(lastToken, trackedBatchSize(lastToken, batchSize));
    }

    /**
     * How many events to read after a position: the configured batch, or fewer when the position
     * carries so many gaps that each event's copy of them would exceed {@link #GAPS_PER_BATCH}.
     * Axon reads on until a batch comes back empty, so a smaller batch only means more queries.
     */
    static int trackedBatchSize(TrackingToken lastToken, int batchSize) {
        int gaps = lastToken instanceof GapAwareTrackingToken position ? position.getGaps().size() : 0;
        return Math.max(SMALLEST_BATCH, Math.min(batchSize, GAPS_PER_BATCH / (gaps + 1)));
    }

    /**
     * An event read by a processor, as Axon's engine reads it (gaps younger than the gap timeout
     * are kept in the position), but with its recorded time read once as an instant
     * ({@link StoredEvent}).
     */
    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        long globalSequence = resultSet.getLong(schema().globalIndexColumn());
        StoredEvent event = storedEvent(resultSet, true);
        boolean allowGaps = event.getTimestamp().isAfter(
                GenericEventMessage.clock.instant().minus(GAP_TIMEOUT_MILLIS, ChronoUnit.MILLIS));
        GapAwareTrackingToken token;
        if (previousToken == null) {
            token = GapAwareTrackingToken.newInstance(globalSequence, allowGaps
                    ? LongStream.range(Math.min(LOWEST_GLOBAL_SEQUENCE, globalSequence), globalSequence).boxed()
                            .collect(Collectors.toCollection(TreeSet::new))
                    : Collections.emptySortedSet());
        } else {
            token = previousToken.advanceTo(globalSequence, allowGaps ? MAX_GAP_OFFSET : 0);
        }
        return new TrackedDomainEventData<>(token, event);
    }

    /** An event of an aggregate read to load it, with its recorded time read once ({@link StoredEvent}). */
    @Override
    protected DomainEventData<?> getDomainEventData(ResultSet resultSet) throws SQLException {
        return storedEvent(resultSet, false);
    }

    /**
     * The event on the result set's row. Read for a processor, an event stored under its own
     * identifier as aggregate has none, as Axon's engine reads it: it is not an aggregate's.
     */
    private StoredEvent storedEvent(ResultSet resultSet, boolean tracked) throws SQLException {
        EventSchema schema = schema();
        String aggregateIdentifier = resultSet.getString(schema.aggregateIdentifierColumn());
        String eventIdentifier = resultSet.getString(schema.eventIdentifierColumn());
        return new StoredEvent(resultSet.getString(schema.typeColumn()),
                tracked && eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier,
                resultSet.getLong(schema.sequenceNumberColumn()), eventIdentifier,
                resultSet.getObject(schema.timestampColumn(), OffsetDateTime.class).toInstant(),
                resultSet.getString(schema.payloadTypeColumn()), resultSet.getString(schema.payloadRevisionColumn()),
                resultSet.getBytes(schema.payloadColumn()), resultSet.getBytes(schema.metaDataColumn()));
    }

    @Override
    protected Object readTimeStamp(ResultSet resultSet, String columnName) throws SQLException {
        return resultSet.getObject(columnName, OffsetDateTime.class);
    }

    @Override
    protected void writeTimestamp(PreparedStatement statement, int position, Instant timestamp) throws SQLException {
        statement.setObject(position, toColumnValue(timestamp));
    }

    private static PreparedStatement firstTokenAtOrAfter(Connection connection, EventSchema schema, Instant at)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(
                "SELECT min(" + schema.globalIndexColumn() + ") - 1 FROM " + schema.domainEventTable()
                        + " WHERE " + schema.timestampColumn() + " >= ?");
        statement.setObject(1, toColumnValue(at));
        return statement;
    }

    private static OffsetDateTime toColumnValue(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
    }
}
