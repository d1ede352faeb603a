package jp.shinko.command.relay;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jp.shinko.command.messaging.CommandMetadata;
import jp.shinko.events.DomainEvent;
import jp.shinko.events.integration.ChainLink;
import jp.shinko.events.integration.IntegrationEnvelope;
import jp.shinko.infra.kafka.CloudEventHeaders;
import jp.shinko.infra.kafka.Topic;
import jp.shinko.infra.security.ActorMetaData;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes every stored event to Kafka as an {@link IntegrationEnvelope}, keyed by municipality.
 *
 * <p>A batch's envelopes are collected, given their hash-chain links in one query, and sent
 * asynchronously when the batch is about to commit; the batch's transaction (and with it the
 * relay's position in the event store) commits only once the broker has acknowledged every
 * send. If one is not, the batch fails, the position stays, and the processor retries: a broker
 * outage delays events and loses none. Events sent before the failure are sent again, which is
 * why the contract is at-least-once and consumers dedupe on the event id.
 *
 * <p>Each record carries the envelope's CloudEvents attributes as headers ({@link
 * CloudEventHeaders}) and the W3C {@code traceparent} of its publication, a span in the trace
 * of the request that caused the event (from the event's metadata, see {@code CommandTraces}).
 */
@ProcessingGroup(KafkaRelay.PROCESSING_GROUP)
class KafkaRelay {

    static final String PROCESSING_GROUP = "kafka-relay";

    private static final String BATCH = KafkaRelay.class.getName() + ".batch";

    private final Topic<String, IntegrationEnvelope> topic;
    private final KafkaTemplate<String, IntegrationEnvelope> template;
    private final ChainLinks chainLinks;
    private final Duration acknowledgementTimeout;
    private final Tracer tracer;
    private final Propagator propagator;

    KafkaRelay(Topic<String, IntegrationEnvelope> topic, KafkaTemplate<String, IntegrationEnvelope> template,
            ChainLinks chainLinks, Duration acknowledgementTimeout, Tracer tracer, Propagator propagator) {
        this.topic = topic;
        this.template = template;
        this.chainLinks = chainLinks;
        this.acknowledgementTimeout = acknowledgementTimeout;
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @EventHandler
    void relay(DomainEvent event, DomainEventMessage<?> message) {
        batch().add(message);
    }

    private List<DomainEventMessage<?>> batch() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(BATCH, key -> {
            List<DomainEventMessage<?>> events = new ArrayList<>();
            batch.onPrepareCommit(committing -> publish(events));
            return events;
        });
    }

    private void publish(List<DomainEventMessage<?>> events) {
        Map<String, ChainLink> links = chainLinks.of(events.stream().map(DomainEventMessage::getIdentifier).toList());
        List<Send> sends = new ArrayList<>();
        for (DomainEventMessage<?> message : events) {
            IntegrationEnvelope envelope = IntegrationEnvelope.of(message.getIdentifier(), message.getType(),
                    message.getAggregateIdentifier(), message.getSequenceNumber(), message.getTimestamp(),
                    (String) message.getMetaData().get(CommandMetadata.COMMAND_ID),
                    ActorMetaData.from(message.getMetaData()).orElse(null), links.get(message.getIdentifier()),
                    (DomainEvent) message.getPayload());
            sends.add(new Send(message, send(message, new ProducerRecord<>(topic.name(), null,
                    envelope.municipalityCode().value(), envelope, CloudEventHeaders.of(envelope)))));
        }
        awaitAcknowledgements(sends);
    }

    /**
     * Sends a record within a span of the trace the event was recorded in (a new trace for an
     * event recorded without one); the template's observation adds that span's
     * {@code traceparent} to the record.
     */
    private CompletableFuture<?> send(DomainEventMessage<?> event, ProducerRecord<String, IntegrationEnvelope> record) {
        Object traceparent = event.getMetaData().get(CommandMetadata.TRACEPARENT);
        Span span = (traceparent == null ? tracer.spanBuilder()
                : propagator.extract(Map.of(CommandMetadata.TRACEPARENT, traceparent.toString()), Map::get))
                .name("relay " + event.getPayloadType().getSimpleName()).kind(Span.Kind.PRODUCER).start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return template.send(record);
        } finally {
            span.end();
        }
    }

    /** An envelope on its way, and the event it carries. */
    private record Send(DomainEventMessage<?> event, CompletableFuture<?> acknowledgement) {

        String describe() {
            return event.getPayloadType().getSimpleName() + " " + event.getIdentifier() + " of "
                    + event.getAggregateIdentifier() + " (sequence " + event.getSequenceNumber() + ")";
        }
    }

    private void awaitAcknowledgements(List<Send> sends) {
        template.flush();
        try {
            CompletableFuture.allOf(sends.stream().map(Send::acknowledgement).toArray(CompletableFuture[]::new))
                    .get(acknowledgementTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            String refused = sends.stream().filter(send -> send.acknowledgement().isCompletedExceptionally())
                    .findFirst().map(Send::describe).orElse("an event of this batch");
            throw new RelayFailed("Kafka refused " + refused + ": " + e.getCause().getMessage()
                    + "; the relay stops there and sends the batch again", e.getCause());
        } catch (TimeoutException e) {
            throw new RelayFailed("Kafka did not acknowledge this batch within " + acknowledgementTimeout
                    + "; the batch will be sent again", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RelayFailed("interrupted while waiting for Kafka; the batch will be sent again", e);
        }
    }

    /** A batch that could not be published; its events stay unrelayed and are retried. */
    static final class RelayFailed extends RuntimeException {

        RelayFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
