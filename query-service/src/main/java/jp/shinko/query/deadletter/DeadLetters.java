package jp.shinko.query.deadletter;

import java.util.List;
import jp.shinko.query.ProcessingGroups;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The parked events of every projection: read from their table, retried through Axon's dead-letter processor. */
@Component("parkedEvents")
class DeadLetters {

    private static final int MAX_RETRIES = 1000;

    private final JdbcClient jdbc;
    private final EventProcessingConfiguration processing;

    DeadLetters(JdbcClient jdbc, EventProcessingConfiguration processing) {
        this.jdbc = jdbc;
        this.processing = processing;
    }

    /**
     * A parked event: which projection, the event (id, type, record and its place in the record's
     * history), when it was parked and why.
     */
    record DeadLetter(String processingGroup, String eventId, String eventType, String recordId,
            Long recordSequence, int placeInQueue, String parkedAt, String causeType, String causeMessage) {
    }

    /** How many events are parked. */
    long count() {
        return jdbc.sql("select count(*) from " + DeadLetterConfiguration.TABLE).query(Long.class).single();
    }

    /** The parked events, oldest first; at most {@code limit}. */
    List<DeadLetter> list(int limit) {
        return jdbc.sql("select processing_group, event_identifier, payload_type, aggregate_identifier, "
                        + "sequence_number, sequence_index, enqueued_at, cause_type, cause_message from "
                        + DeadLetterConfiguration.TABLE + " order by enqueued_at, processing_group, "
                        + "sequence_identifier, sequence_index limit ?")
                .param(limit)
                .query((row, number) -> new DeadLetter(row.getString(1), row.getString(2), row.getString(3),
                        row.getString(4), row.getObject(5, Long.class), row.getInt(6), row.getString(7),
                        row.getString(8), row.getString(9)))
                .list();
    }

    /**
     * Processes the parked events again, each aggregate's in order; an event that fails again
     * stays parked with its new cause.
     *
     * @return how many aggregates' events were processed and left the queue
     */
    int retry() {
        int retried = 0;
        for (String group : ProcessingGroups.ALL) {
            SequencedDeadLetterProcessor<?> processor = processing.sequencedDeadLetterProcessor(group).orElseThrow();
            for (int attempt = 0; attempt < MAX_RETRIES && processor.processAny(); attempt++) {
                retried++;
            }
        }
        return retried;
    }
}
