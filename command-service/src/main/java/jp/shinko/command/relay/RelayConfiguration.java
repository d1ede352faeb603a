package jp.shinko.command.relay;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jp.shinko.events.integration.IntegrationEnvelope;
import jp.shinko.infra.eventstore.StoredPositions;
import jp.shinko.infra.kafka.Topic;
import jp.shinko.infra.kafka.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The relay from the event store to the integration-events topic. */
@Configuration(proxyBeanMethods = false)
class RelayConfiguration {

    private static final Topic<String, IntegrationEnvelope> TOPIC = Topics.INTEGRATION_EVENTS;

    /**
     * Created at start-up unless it exists (the local stack, the tests, a single-host trial); on a
     * cluster the topic is declared to the Kafka operator instead ({@code shinko.kafka.create-topics=false}).
     */
    @Bean
    @ConditionalOnBooleanProperty(name = "shinko.kafka.create-topics", matchIfMissing = true)
    NewTopic integrationEventsTopic(@Value("${shinko.kafka.replication-factor:1}") short replicationFactor) {
        return TOPIC.newTopic(replicationFactor);
    }

    /** The largest envelope the relay sends; every stored event is far smaller (see EventSizeLimit). */
    static final int MAX_ENVELOPE_BYTES = 1_048_576;

    /**
     * Idempotent and acks=all whatever the configuration says: the relay must not lose or reorder.
     * Envelopes of up to 1 MB, which the broker's default {@code message.max.bytes} takes.
     */
    @Bean
    ProducerFactory<String, IntegrationEnvelope> integrationEventsProducerFactory(KafkaProperties properties) {
        Map<String, Object> config = properties.buildProducerProperties();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_ENVELOPE_BYTES);
        return new DefaultKafkaProducerFactory<>(config,
                TOPIC.keySerde().serializer(), TOPIC.valueSerde().serializer());
    }

    /** Observed, so each record carries the {@code traceparent} of the span it is sent in. */
    @Bean
    KafkaTemplate<String, IntegrationEnvelope> integrationEventsTemplate(
            ProducerFactory<String, IntegrationEnvelope> producerFactory) {
        KafkaTemplate<String, IntegrationEnvelope> template = new KafkaTemplate<>(producerFactory);
        template.setObservationEnabled(true);
        return template;
    }

    @Bean
    KafkaRelay kafkaRelay(KafkaTemplate<String, IntegrationEnvelope> integrationEventsTemplate, ChainLinks chainLinks,
            @Value("${shinko.kafka.relay.acknowledgement-timeout:PT30S}") Duration acknowledgementTimeout,
            ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new KafkaRelay(TOPIC, integrationEventsTemplate, chainLinks, acknowledgementTimeout,
                tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    /** Requests to publish again, carried out by whichever instance's relay publishes. */
    @Bean
    Republications republications(JdbcClient jdbc, PlatformTransactionManager transactionManager,
            EventProcessingConfiguration processing, StoredPositions positions, Clock clock) {
        return new Republications(jdbc, new TransactionTemplate(transactionManager), processing, positions, clock,
                ManagementFactory.getRuntimeMXBean().getName());
    }

    /**
     * How long the relay waits for the event store to wake it before it looks again. Axon's 1 s
     * is sat out whenever the relay reads the store itself instead of the store's cache of recent
     * events: after it fell behind the cache, or when the cache's tracking tokens carry other gaps
     * than its own (a reader's gaps are those it saw), so its position matches no cached event.
     * Then an envelope waited up to a second (the stream's p99 near 1 s in ./local-stack bench);
     * looking again after 25 ms costs one indexed query each time while nothing is stored.
     */
    static final Duration RELAY_WAIT = Duration.ofMillis(25);

    /**
     * A tracking processor (not pooled: a tracking processor waits on the event store and wakes as
     * soon as an event of this service commits, where a pooled one looks again every 500 ms), one
     * segment, 100 events a batch; a failed send must stop the relay at that event, not be logged
     * and skipped (Axon's default); and one municipality's events stay in order.
     */
    @Bean
    ConfigurerModule kafkaRelayProcessing() {
        return configurer -> configurer.eventProcessing()
                .registerTrackingEventProcessor(KafkaRelay.PROCESSING_GROUP,
                        org.axonframework.config.Configuration::eventStore,
                        configuration -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andInitialSegmentsCount(1)
                                .andBatchSize(100)
                                .andEventAvailabilityTimeout(RELAY_WAIT.toMillis(), TimeUnit.MILLISECONDS))
                .registerListenerInvocationErrorHandler(KafkaRelay.PROCESSING_GROUP,
                        configuration -> PropagatingErrorHandler.instance())
                .registerSequencingPolicy(KafkaRelay.PROCESSING_GROUP,
                        configuration -> new MunicipalitySequencingPolicy());
    }
}
