package jp.shinko.query.position;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.shinko.infra.eventstore.StoredPositions.SegmentPosition;
import jp.shinko.infra.eventstore.StoredPositions;
import org.springframework.stereotype.Component;

/**
 * How far this service's projections have come. An event is processed by the one segment of
 * each projection that its aggregate falls in (each aggregate's events stay in order), so only
 * that segment is asked about it.
 */
@Component
public class ProjectionPositions {

    private final StoredPositions stored;

    ProjectionPositions(StoredPositions stored) {
        this.stored = stored;
    }

    /** Whether every projection has processed the event at this global index. */
    public boolean haveProcessed(long position) {
        return haveProcessed(position, stored.aggregateAt(position), stored.segments());
    }

    /**
     * Whether these segments have processed the event at this position, of this aggregate (empty
     * while no event is stored there: then every segment must have read past it).
     */
    static boolean haveProcessed(long position, Optional<String> aggregate, List<SegmentPosition> segments) {
        return !segments.isEmpty() && segments.stream()
                .filter(segment -> aggregate.map(segment.segment()::matches).orElse(true))
                .allMatch(segment -> segment.covers(position));
    }

    /** Every segment of every projection and where it is, read once for many checks. */
    List<SegmentPosition> segments() {
        return stored.segments();
    }

    /** The aggregates of the events at these positions, for those stored already. */
    Map<Long, String> aggregatesAt(Collection<Long> positions) {
        return stored.aggregatesAt(positions);
    }

    /** Whether every segment of every projection has processed the last event of each of its aggregates. */
    public boolean haveProcessedAll(Map<String, Long> lastPositions) {
        List<SegmentPosition> segments = stored.segments();
        return !segments.isEmpty() && segments.stream().allMatch(segment -> lastPositions.entrySet().stream()
                .filter(last -> segment.segment().matches(last.getKey()))
                .allMatch(last -> segment.covers(last.getValue())));
    }
}
