package jp.shinko.infra.eventstore;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.event.EventListener;

/**
 * What an operator needs to know of this service's event processors: how many events each is
 * behind the head of the store (the gauge {@code shinko.processor.lag}, tagged by processor),
 * and, as the health component {@code processors}, whether any segment is stuck in error.
 * Positions come from the token table, so every instance reports the same.
 */
public class ProcessorMonitoring extends AbstractHealthIndicator {

    private final EventProcessingConfiguration processing;
    private final StoredPositions positions;
    private final MeterRegistry metrics;

    ProcessorMonitoring(EventProcessingConfiguration processing, StoredPositions positions, MeterRegistry metrics) {
        super("The event processors' state could not be read");
        this.processing = processing;
        this.positions = positions;
        this.metrics = metrics;
    }

    /** Events stored after the position every segment of the processor has read up to. */
    public long lag(String processor) {
        return positions.eventsAfter(positions.lowestIndex(processor));
    }

    /** One gauge per processor, once Axon has built them. */
    @EventListener(ApplicationReadyEvent.class)
    void registerLagGauges() {
        processing.eventProcessors().keySet().forEach(processor ->
                Gauge.builder("shinko.processor.lag", () -> lag(processor)).tag("processor", processor)
                        .baseUnit("events").description("Events stored that the processor has not yet handled")
                        .register(metrics));
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean healthy = true;
        for (Map.Entry<String, EventProcessor> entry : processing.eventProcessors().entrySet()) {
            if (!(entry.getValue() instanceof StreamingEventProcessor processor)) {
                continue;
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("running", processor.isRunning());
            details.put("lag", lag(entry.getKey()));
            for (Map.Entry<Integer, EventTrackerStatus> segment : processor.processingStatus().entrySet()) {
                if (segment.getValue().isErrorState()) {
                    healthy = false;
                    Throwable error = segment.getValue().getError();
                    details.put("segment " + segment.getKey() + " error",
                            error == null ? "in error" : error.getClass().getSimpleName() + ": " + error.getMessage());
                }
            }
            builder.withDetail(entry.getKey(), details);
        }
        if (healthy) {
            builder.up();
        } else {
            builder.down();
        }
    }
}
