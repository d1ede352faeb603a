package jp.shinko.infra.eventstore;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where the event store's head is and how far a service's processors have read it, from the
 * store and the service's token table in PostgreSQL, so every instance answers the same
 * whichever segments it holds itself.
 */
public class StoredPositions {

    private static final String EVENTS = EventStoreSchemaMigration.SCHEMA + ".domain_event_entry";

    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final String tokenTable;

    StoredPositions(JdbcClient jdbc, Serializer serializer, String tokenTable) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.tokenTable = tokenTable;
    }

    /** The global index of the last event stored, 0 when there is none. */
    public long head() {
        return jdbc.sql("select coalesce(max(global_index), 0) from " + EVENTS).query(Long.class).single();
    }

    /** How many events are stored after a position. */
    public long eventsAfter(long position) {
        return jdbc.sql("select count(*) from " + EVENTS + " where global_index > ?").param(position)
                .query(Long.class).single();
    }

    /** How many events were recorded at or after a time. */
    public long eventsRecordedSince(Instant time) {
        return jdbc.sql("select count(*) from " + EVENTS + " where recorded_at >= ?")
                .param(OffsetDateTime.ofInstant(time, ZoneOffset.UTC)).query(Long.class).single();
    }

    /** The aggregate of the event at a position, if one is stored there. */
    public Optional<String> aggregateAt(long position) {
        return jdbc.sql("select aggregate_identifier from " + EVENTS + " where global_index = ?")
                .param(position).query(String.class).optional();
    }

    /** The aggregates of the events stored at these positions; positions with none stored yet are left out. */
    public Map<Long, String> aggregatesAt(Collection<Long> positions) {
        if (positions.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select global_index, aggregate_identifier from " + EVENTS
                        + " where global_index in (:positions)")
                .param("positions", positions)
                .query((row, number) -> Map.entry(row.getLong(1), row.getString(2)))
                .list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The position of the last event of each aggregate, among the events up to a position. */
    public Map<String, Long> lastPositionsUpTo(long position) {
        return jdbc.sql("select aggregate_identifier, max(global_index) from " + EVENTS
                        + " where global_index <= ? group by aggregate_identifier")
                .param(position)
                .query((row, number) -> Map.entry(row.getString(1), row.getLong(2)))
                .list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Every segment of every processor of this service, with how far it has read. */
    public List<SegmentPosition> segments() {
        List<StoredToken> stored = jdbc.sql("select processor_name, segment, token, token_type from " + tokenTable)
                .query((row, number) -> new StoredToken(row.getString(1), row.getInt(2), token(row.getBytes(3),
                        row.getString(4))))
                .list();
        Map<String, int[]> segmentIds = stored.stream().collect(Collectors.groupingBy(StoredToken::processor,
                Collectors.collectingAndThen(Collectors.toList(),
                        tokens -> tokens.stream().mapToInt(StoredToken::segment).toArray())));
        return stored.stream()
                .map(token -> new SegmentPosition(token.processor(), Segment.computeSegment(token.segment(),
                        segmentIds.get(token.processor())), token.token()))
                .toList();
    }

    /** The segments of one processor. */
    public List<SegmentPosition> segments(String processor) {
        return segments().stream().filter(segment -> segment.processor().equals(processor)).toList();
    }

    /** The global index every segment of every processor has read up to; 0 before any has read one. */
    public long lowestIndex() {
        return lowestIndex(segments());
    }

    /** The global index every segment of one processor has read up to; 0 before any has read one. */
    public long lowestIndex(String processor) {
        return lowestIndex(segments(processor));
    }

    private static long lowestIndex(List<SegmentPosition> segments) {
        return segments.stream().mapToLong(SegmentPosition::index).min().orElse(0);
    }

    private GapAwareTrackingToken token(byte[] serialized, String type) {
        if (serialized == null) {
            return null;
        }
        TrackingToken token = serializer.deserialize(new SimpleSerializedObject<>(serialized, byte[].class, type,
                null));
        return WrappedToken.unwrapLowerBound(token) instanceof GapAwareTrackingToken gapAware ? gapAware : null;
    }

    private record StoredToken(String processor, int segment, GapAwareTrackingToken token) {
    }

    /**
     * A segment of a processor and where it has read to; no token before it read anything.
     * Events of the aggregates that fall in other segments it only skips, storing its position
     * now and then, so ask the segment that handles an event whether it has.
     */
    public record SegmentPosition(String processor, Segment segment, GapAwareTrackingToken token) {

        /** Whether it has read past a position that is not one of the gaps it still waits for. */
        public boolean covers(long position) {
            return token != null && token.getIndex() >= position && !token.getGaps().contains(position);
        }

        /** The highest global index it has read, 0 before any. */
        public long index() {
            return token == null ? 0 : token.getIndex();
        }
    }
}
