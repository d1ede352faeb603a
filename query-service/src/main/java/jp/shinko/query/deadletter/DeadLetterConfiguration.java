package jp.shinko.query.deadletter;

import jp.shinko.query.ProcessingGroups;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A projection never skips an event it cannot process: the event is parked in
 * {@code query.dead_letter_entry} with its cause, and so is every later event of the same
 * aggregate (their order matters), while every other aggregate's events go on. The health turns
 * DOWN naming the event ({@link DeadLetterHealth}); an admin lists and retries the parked events
 * ({@link DeadLetterController}). A rebuild empties the queue, since it processes every event again.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    static final String TABLE = "query.dead_letter_entry";

    /** The most aggregates one projection parks events of before it stops to take more (then the segment fails). */
    private static final int MAX_SEQUENCES = 4096;

    static final DeadLetterSchema SCHEMA = DeadLetterSchema.builder()
            .deadLetterTable(TABLE)
            .deadLetterIdentifierColumn("dead_letter_identifier")
            .processingGroupColumn("processing_group")
            .sequenceIdentifierColumn("sequence_identifier")
            .sequenceIndexColumn("sequence_index")
            .messageTypeColumn("message_type")
            .eventIdentifierColumn("event_identifier")
            .timestampColumn("time_stamp")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .payloadColumn("payload")
            .metaDataColumn("meta_data")
            .aggregateTypeColumn("aggregate_type")
            .aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number")
            .tokenTypeColumn("token_type")
            .tokenColumn("token")
            .enqueuedAtColumn("enqueued_at")
            .lastTouchedColumn("last_touched")
            .processingStartedColumn("processing_started")
            .causeTypeColumn("cause_type")
            .causeMessageColumn("cause_message")
            .diagnosticsColumn("diagnostics")
            .build();

    @Bean
    ConfigurerModule deadLetterQueues(ConnectionProvider connections, TransactionManager transactions,
            Serializer serializer) {
        return configurer -> ProcessingGroups.ALL.forEach(group -> configurer.eventProcessing()
                .registerDeadLetterQueue(group, configuration -> JdbcSequencedDeadLetterQueue.builder()
                        .processingGroup(group)
                        .connectionProvider(connections)
                        .transactionManager(transactions)
                        .schema(SCHEMA)
                        .genericSerializer(serializer)
                        .eventSerializer(serializer)
                        .maxSequences(MAX_SEQUENCES)
                        .build())
                .registerDeadLetteringEventHandlerInvokerConfiguration(group, (configuration, invoker) -> invoker
                        // remembers which aggregates have no parked events, so most events cost no lookup
                        .enableSequenceIdentifierCache()
                        .allowReset(true)));
    }
}
