package jp.shinko.command.messaging;

import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.ArrayList;
import java.util.List;
import jp.shinko.infra.security.ActorMetaData;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How commands become events: metadata carried over, aggregates kept in memory between commands. */
@Configuration(proxyBeanMethods = false)
class AxonConfiguration {

    /**
     * Keeps loaded aggregates, so a command does not re-read the aggregate's whole stream; each
     * copy is brought up to date with the store before it decides ({@link UpToDateAggregates}).
     */
    @Bean
    AggregateCache aggregateCache(@Value("${shinko.aggregate-cache.capacity:2000}") int capacity) {
        return new AggregateCache(capacity);
    }

    /** Hits and misses of the aggregate cache: {@code cache.gets} with {@code cache=aggregates}. */
    @Bean
    MeterBinder aggregateCacheMetrics(AggregateCache aggregateCache) {
        return registry -> CaffeineCacheMetrics.monitor(registry, aggregateCache.entries(), "aggregates");
    }

    /** The repositories of the aggregates, over that cache. */
    @Bean
    AggregateRepositories aggregateRepositories(org.axonframework.config.Configuration configuration,
            EventStore eventStore, Cache aggregateCache,
            @Value("${shinko.aggregate-cache.check-freshness:true}") boolean checkFreshness) {
        return new AggregateRepositories(configuration, eventStore, aggregateCache, checkFreshness);
    }

    /** A line per command request, the command id in the logging context of every line about it. */
    @Bean
    FilterRegistrationBean<CommandRequestLog> commandRequestLog() {
        FilterRegistrationBean<CommandRequestLog> registration = new FilterRegistrationBean<>(new CommandRequestLog());
        // inside the platform's RequestLogContext, which puts the verified caller there
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 2);
        return registration;
    }

    /** The request's command id on the commands sent while answering it (see {@link CommandIds}). */
    @Bean
    CommandIds commandIds() {
        return new CommandIds();
    }

    /** The request's trace on its commands and their events, and a span per command (see {@link CommandTraces}). */
    @Bean
    CommandTraces commandTraces(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new CommandTraces(tracer.getIfAvailable(() -> Tracer.NOOP),
                propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    /** Every event carries the id of the command that caused it, who sent that command, and the request's trace. */
    @Bean
    CorrelationDataProvider commandIdAndActorCorrelation() {
        List<String> keys = new ArrayList<>(ActorMetaData.KEYS);
        keys.add(CommandMetadata.COMMAND_ID);
        keys.add(CommandMetadata.TRACEPARENT);
        return new SimpleCorrelationDataProvider(keys.toArray(String[]::new));
    }

    /** Declared because Axon drops its default once any provider is declared. */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }
}
