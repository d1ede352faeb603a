package jp.shinko.command.relay;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jp.shinko.infra.eventstore.ProcessorMonitoring;
import jp.shinko.infra.eventstore.StoredPositions;
import org.springframework.stereotype.Component;

/**
 * How far the relay is behind the event store: events stored whose batch the broker has not yet
 * acknowledged (the relay's position moves only after it has). The gauge {@code shinko.relay.lag}
 * and the {@code kafka} health details show it; in a healthy system it is 0 within a second of
 * the last command.
 */
@Component
class RelayLag {

    private final StoredPositions positions;
    private final ProcessorMonitoring processors;

    RelayLag(StoredPositions positions, ProcessorMonitoring processors, MeterRegistry metrics) {
        this.positions = positions;
        this.processors = processors;
        Gauge.builder("shinko.relay.lag", this::events).baseUnit("events")
                .description("Events stored but not yet acknowledged by Kafka").register(metrics);
    }

    /** The global index up to which every event has been acknowledged by the broker. */
    long position() {
        return positions.lowestIndex(KafkaRelay.PROCESSING_GROUP);
    }

    /** Events stored after that position: the relay's processor lag. */
    long events() {
        return processors.lag(KafkaRelay.PROCESSING_GROUP);
    }
}
