package jp.shinko.query.position;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Segments that only skip events (none of them falls in the segment) store how far they have
 * read at most every 500 ms instead of every 5 s, so the positions {@link ProjectionPositions}
 * reads, and a rebuild's progress, are current within half a second.
 */
@Configuration(proxyBeanMethods = false)
class ProcessorProgressConfiguration {

    private static final long STORE_SKIPPED_POSITION_EVERY_MS = 500;

    @Bean
    ConfigurerModule storeSkippedPositionsOften() {
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                (configuration, builder) -> builder.claimExtensionThreshold(STORE_SKIPPED_POSITION_EVERY_MS));
    }
}
