package jp.shinko.command.relay;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import jp.shinko.events.integration.IntegrationEnvelope;
import jp.shinko.infra.eventstore.StoredPositions;
import jp.shinko.infra.kafka.Topic;
import jp.shinko.infra.kafka.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.axonframework.config.ConfigurerModule;
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
     * A failed send must stop the relay at that event, not be logged and skipped (Axon's
     * default); and one municipality's events stay in order.
     */
    @Bean
    ConfigurerModule kafkaRelayProcessing() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(KafkaRelay.PROCESSING_GROUP,
                        configuration -> PropagatingErrorHandler.instance())
                .registerSequencingPolicy(KafkaRelay.PROCESSING_GROUP,
                        configuration -> new MunicipalitySequencingPolicy());
    }
}
