package jp.shinko.infra.eventstore;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.micrometer.tracing.Tracer;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The event store both services share: Axon's JDBC engine on PostgreSQL, snake_case tables
 * in the {@value EventStoreSchemaMigration#SCHEMA} schema, JSON payloads in {@code bytea}, and
 * each service's tokens in its own table.
 *
 * <p>Runs before Axon's own JDBC auto-configuration, whose beans then back off.
 */
@AutoConfiguration(
        after = AxonAfterBootInfrastructure.class,
        beforeName = "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration")
@EnableConfigurationProperties(EventStoreProperties.class)
public class EventStoreAutoConfiguration {

    static final String UNIQUE_VIOLATION = "23505";

    /**
     * Events the store keeps in memory for the processors that tail it: each carries its own copy
     * of the tracking token and its gaps (up to thousands while many tables are entered at once),
     * so a few hundred; a processor that falls behind them reads the store itself.
     */
    private static final int TAILING_CACHE = 200;

    /**
     * How often the store lets go of the processors that fell behind its cache (Axon: every 10 s).
     * Until it does, a processor's place in the cache keeps every event the cache read since
     * reachable, and the cache goes on reading while the processor waits (the Kafka relay waits
     * for the broker's acknowledgements). Let go, the processor reads the store itself, a batch at
     * a time, and tails the cache again once it is back at the head. The cache's own reader is
     * bounded in {@link PostgresEventStorageEngine#readEvents}.
     */
    static final Duration TAILING_CLEANUP = Duration.ofMillis(250);

    @Bean
    EventSchema eventSchema() {
        return schema();
    }

    /** The event store's tables and columns, as the migrations in {@code db/event-store} create them. */
    static EventSchema schema() {
        return EventSchema.builder()
                .eventTable(EventStoreSchemaMigration.SCHEMA + ".domain_event_entry")
                .snapshotTable(EventStoreSchemaMigration.SCHEMA + ".snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("recorded_at")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    TokenSchema tokenSchema(EventStoreProperties properties) {
        return TokenSchema.builder()
                .setTokenTable(properties.tokenTable())
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    /** One serializer for events, messages, tokens and snapshots: JSON, never XStream. */
    @Bean
    @Primary
    Serializer serializer() {
        return new PublishedEventSerializer();
    }

    /**
     * PostgreSQL reports a unique violation by SQL state 23505, not by a vendor error code, so
     * Axon's default resolver misses it; with this one a lost race on an aggregate's sequence
     * number becomes Axon's {@code ConcurrencyException} instead of a generic storage error.
     */
    @Bean
    PersistenceExceptionResolver uniqueViolationResolver() {
        return new SQLStateResolver(UNIQUE_VIOLATION);
    }

    @Bean
    EventStorageEngine eventStorageEngine(EventStoreProperties properties, DataSource dataSource,
            Serializer serializer, PersistenceExceptionResolver persistenceExceptionResolver,
            org.axonframework.config.Configuration configuration, ConnectionProvider connectionProvider,
            TransactionManager transactionManager, EventSchema eventSchema, ObjectProvider<Tracer> tracer) {
        if (properties.migrate()) {
            EventStoreSchemaMigration.migrate(dataSource);
        }
        JdbcEventStorageEngine.Builder builder = PostgresEventStorageEngine
                .over(serializer, persistenceExceptionResolver, eventSchema)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager);
        return new PostgresEventStorageEngine(builder, tracer.getIfAvailable(() -> Tracer.NOOP));
    }

    /**
     * Axon's event store over the engine, polling for other processes' events at the configured
     * interval. Named like Axon's own, which backs off.
     */
    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    EmbeddedEventStore eventStore(EventStorageEngine eventStorageEngine, EventStoreProperties properties,
            org.axonframework.config.Configuration configuration) {
        return EmbeddedEventStore.builder()
                .storageEngine(eventStorageEngine)
                .fetchDelay(properties.pollInterval().toMillis())
                // Axon's default 10,000 took up to hundreds of MB of a 512 MiB heap while a backlog with
                // many gaps was read (found by ./local-stack bench)
                .cachedEvents(TAILING_CACHE)
                .cleanupDelay(TAILING_CLEANUP.toMillis())
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .build();
    }

    /** The store's head and this service's processors' positions, read from PostgreSQL. */
    @Bean
    StoredPositions storedPositions(DataSource dataSource, Serializer serializer, EventStoreProperties properties) {
        return new StoredPositions(JdbcClient.create(dataSource), serializer, properties.tokenTable());
    }

    /** Processor lag gauges and the {@code processors} health component. */
    @Bean("processors")
    ProcessorMonitoring processorMonitoring(EventProcessingConfiguration processing, StoredPositions positions,
            MeterRegistry metrics) {
        return new ProcessorMonitoring(processing, positions, metrics);
    }

    /** Hits and misses of the settled events kept in memory: {@code cache.gets}, {@code cache=settled-events}. */
    @Bean
    MeterBinder settledEventsMetrics(RecordedEvents recordedEvents) {
        return registry -> CaffeineCacheMetrics.monitor(registry, recordedEvents.settledEvents(), "settled-events");
    }

    /** The events as recorded up to any instant, for answers about the past. */
    @Bean
    RecordedEvents recordedEvents(DataSource dataSource, Serializer serializer, EventStoreProperties properties,
            org.axonframework.config.Configuration configuration, Clock clock) {
        return new RecordedEvents(dataSource, serializer, configuration.upcasterChain(), clock,
                properties.settledAfter(), properties.cachedEvents());
    }

    /** The clock of the application; tests replace it to control time. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Axon stamps new events with a static clock; tie it to the application's. */
    @Bean
    InitializingBean axonEventClock(Clock clock) {
        return () -> GenericEventMessage.clock = clock;
    }
}
