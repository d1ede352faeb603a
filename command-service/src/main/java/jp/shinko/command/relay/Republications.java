package jp.shinko.command.relay;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.shinko.infra.eventstore.StoredPositions;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Requests to publish events again, kept in {@code command.relay_republication} so that any
 * instance can take one: the relay is one segment, held by one instance at a time, and only
 * the holder can move it back. Every instance looks for pending requests every 250 ms and
 * carries one out when its own relay holds the segment; the request then answers as soon as it
 * is carried out, wherever it was sent.
 */
class Republications {

    private static final Logger LOG = LoggerFactory.getLogger(Republications.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final EventProcessingConfiguration processing;
    private final StoredPositions positions;
    private final Clock clock;
    private final String instance;

    Republications(JdbcClient jdbc, TransactionTemplate transactions, EventProcessingConfiguration processing,
            StoredPositions positions, Clock clock, String instance) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.processing = processing;
        this.positions = positions;
        this.clock = clock;
        this.instance = instance;
    }

    /** Records a request and answers its id. */
    long request(Instant since, String admin) {
        return jdbc.sql("insert into command.relay_republication (from_time, requested_by, requested_at) "
                        + "values (?, ?, ?) returning id")
                .params(Timestamp.from(since), admin, Timestamp.from(clock.instant()))
                .query(Long.class).single();
    }

    /** Whether the request has been carried out. */
    boolean applied(long id) {
        return jdbc.sql("select applied_at is not null from command.relay_republication where id = ?").param(id)
                .query(Boolean.class).single();
    }

    /** Carries out the oldest pending request if this instance's relay holds the segment. */
    @Scheduled(fixedDelay = 250)
    void applyPending() {
        StreamingEventProcessor relay = relay();
        if (!relay.isRunning() || relay.processingStatus().isEmpty()) {
            return; // another instance holds the relay's segment and carries the request out
        }
        if (!jdbc.sql("select exists (select 1 from command.relay_republication where applied_at is null)")
                .query(Boolean.class).single()) {
            return; // one look at the partial index of pending requests, no transaction
        }
        try {
            transactions.executeWithoutResult(status -> pending().ifPresent(request -> {
                moveBack(relay, request.since());
                jdbc.sql("update command.relay_republication set applied_at = ?, applied_by = ? where id = ?")
                        .params(Timestamp.from(clock.instant()), instance, request.id()).update();
                LOG.info("The relay moved back to the events recorded since {}, as {} asked", request.since(),
                        request.admin());
            }));
        } catch (UnableToClaimTokenException lostTheSegment) {
            LOG.info("Another instance took the relay's segment; it publishes the pending events again");
        }
    }

    private record Pending(long id, Instant since, String admin) {
    }

    private Optional<Pending> pending() {
        return jdbc.sql("select id, from_time, requested_by from command.relay_republication where applied_at is null "
                        + "order by id limit 1 for update skip locked")
                .query((row, number) -> new Pending(row.getLong(1), row.getTimestamp(2).toInstant(),
                        row.getString(3)))
                .optional();
    }

    /** Moves the relay back, never past where it is nor past a gap it still waits for: nothing is skipped. */
    private void moveBack(StreamingEventProcessor relay, Instant since) {
        relay.shutDown();
        try {
            List<TrackingToken> current = positions.segments(KafkaRelay.PROCESSING_GROUP).stream()
                    .map(segment -> (TrackingToken) segment.token()).toList();
            relay.resetTokens(source -> {
                StreamableMessageSource<?> events = (StreamableMessageSource<?>) source;
                if (current.contains(null)) {
                    return events.createTailToken(); // a segment that has read nothing starts from the first event
                }
                return current.stream().reduce(events.createTokenAt(since), TrackingToken::lowerBound);
            });
        } finally {
            relay.start();
        }
    }

    private StreamingEventProcessor relay() {
        return processing.eventProcessor(KafkaRelay.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
    }
}
