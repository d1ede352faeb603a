package jp.shinko.query.position;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import jp.shinko.infra.eventstore.EventStoreProperties;
import jp.shinko.infra.eventstore.EventStoreSchemaMigration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How far this service's projections have come, read from their tokens in PostgreSQL, so every
 * instance answers the same whichever segments it holds itself.
 *
 * <p>An event is processed by the one segment of each projection that its aggregate falls in
 * (the processors keep each aggregate's events in order); the other segments skip it and store
 * their position only now and then, so only the segment that handles it is asked.
 */
@Component
public class ProjectionPositions {

    private static final String EVENTS = EventStoreSchemaMigration.SCHEMA + ".domain_event_entry";

    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final String tokenTable;

    ProjectionPositions(JdbcClient jdbc, Serializer serializer, EventStoreProperties properties) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.tokenTable = properties.tokenTable();
    }

    /** Whether every projection has processed the event at this global index. */
    public boolean haveProcessed(long position) {
        Optional<String> aggregate = jdbc.sql("select aggregate_identifier from " + EVENTS + " where global_index = ?")
                .param(position).query(String.class).optional();
        List<SegmentPosition> segments = segments();
        return !segments.isEmpty() && segments.stream()
                .filter(segment -> aggregate.map(segment.segment()::matches).orElse(true))
                .allMatch(segment -> segment.covers(position));
    }

    /** The position of the last event of each aggregate, among the events up to a position. */
    public Map<String, Long> lastPositionsUpTo(long position) {
        return jdbc.sql("select aggregate_identifier, max(global_index) as last from " + EVENTS
                        + " where global_index <= ? group by aggregate_identifier")
                .param(position)
                .query((row, number) -> Map.entry(row.getString(1), row.getLong(2)))
                .list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Whether every segment of every projection has processed the last event of each of its aggregates. */
    public boolean haveProcessedAll(Map<String, Long> lastPositions) {
        List<SegmentPosition> segments = segments();
        return !segments.isEmpty() && segments.stream().allMatch(segment -> lastPositions.entrySet().stream()
                .filter(last -> segment.segment().matches(last.getKey()))
                .allMatch(last -> segment.covers(last.getValue())));
    }

    /** The global index every segment of every projection has read up to; 0 before any has read one. */
    public long lowest() {
        return segments().stream().mapToLong(SegmentPosition::index).min().orElse(0);
    }

    /** The global index of the last event stored, 0 when there is none. */
    public long head() {
        return jdbc.sql("select coalesce(max(global_index), 0) from " + EVENTS).query(Long.class).single();
    }

    private List<SegmentPosition> segments() {
        List<StoredToken> stored = jdbc.sql("select processor_name, segment, token, token_type from " + tokenTable)
                .query((row, number) -> new StoredToken(row.getString(1), row.getInt(2), token(row.getBytes(3),
                        row.getString(4))))
                .list();
        Map<String, int[]> segmentIds = stored.stream().collect(Collectors.groupingBy(StoredToken::processor,
                Collectors.collectingAndThen(Collectors.toList(),
                        tokens -> tokens.stream().mapToInt(StoredToken::segment).toArray())));
        return stored.stream()
                .map(token -> new SegmentPosition(Segment.computeSegment(token.segment(),
                        segmentIds.get(token.processor())), token.token()))
                .toList();
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

    /** A segment of a projection and where it has read to; no token before it read anything. */
    private record SegmentPosition(Segment segment, GapAwareTrackingToken token) {

        boolean covers(long position) {
            return token != null && token.getIndex() >= position && !token.getGaps().contains(position);
        }

        long index() {
            return token == null ? 0 : token.getIndex();
        }
    }
}
