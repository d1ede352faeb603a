package jp.shinko.query.instances;

import jakarta.annotation.PreDestroy;
import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import jp.shinko.infra.eventstore.StoredPositions;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Shares each projection's segments evenly between the query-service instances that run.
 * Axon's pooled processors claim every free segment, so the first instance to start would keep
 * them all; here every instance says it is alive in {@code query.projection_instance} every few
 * seconds, and one that holds more segments of a processor than its share (the segments
 * divided by the instances alive, rounded up) lets one go, which another instance then claims.
 * A stopped or dead instance's segments are claimed by the others as before (a dead one's once
 * its claim expires).
 */
@Component
class SegmentSharing {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentSharing.class);
    private static final Duration ALIVE_WITHIN = Duration.ofSeconds(15);

    private final EventProcessingConfiguration processing;
    private final StoredPositions positions;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName();

    SegmentSharing(EventProcessingConfiguration processing, StoredPositions positions, JdbcClient jdbc, Clock clock) {
        this.processing = processing;
        this.positions = positions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Says this instance is alive, and gives up a segment of any processor it holds more than its share of. */
    @Scheduled(fixedDelay = 5000)
    void share() {
        try {
            Timestamp now = Timestamp.from(clock.instant());
            jdbc.sql("insert into query.projection_instance (instance, seen_at) values (?, ?) "
                    + "on conflict (instance) do update set seen_at = excluded.seen_at").params(instance, now).update();
            long alive = jdbc.sql("select count(*) from query.projection_instance where seen_at > ?")
                    .param(Timestamp.from(clock.instant().minus(ALIVE_WITHIN))).query(Long.class).single();
            for (Map.Entry<String, StreamingEventProcessor> processor : streaming().entrySet()) {
                long segments = positions.segments(processor.getKey()).size();
                long share = (segments + Math.max(1, alive) - 1) / Math.max(1, alive);
                Map<Integer, ?> held = processor.getValue().processingStatus();
                if (processor.getValue().isRunning() && held.size() > share) {
                    int released = held.keySet().iterator().next();
                    processor.getValue().releaseSegment(released);
                    LOG.info("Gave up segment {} of {}: it held {} of {} segments, {} instances run", released,
                            processor.getKey(), held.size(), segments, alive);
                }
            }
        } catch (RuntimeException failure) {
            LOG.warn("Could not share the segments this time; trying again", failure);
        }
    }

    private Map<String, StreamingEventProcessor> streaming() {
        return processing.eventProcessors().entrySet().stream()
                .filter(entry -> entry.getValue() instanceof StreamingEventProcessor)
                .collect(Collectors.toMap(Map.Entry::getKey,
                        entry -> (StreamingEventProcessor) entry.getValue()));
    }

    /** Leaves the count at once, so the others take their share of this instance's segments. */
    @PreDestroy
    void leave() {
        try {
            jdbc.sql("delete from query.projection_instance where instance = ?").param(instance).update();
        } catch (RuntimeException failure) {
            LOG.debug("Could not say this instance stops; it drops out of the count in seconds", failure);
        }
    }
}
