package jp.shinko.command.messaging;

import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.ArrayList;
import java.util.List;
import jp.shinko.infra.security.ActorMetaData;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.annotation.Value;
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

    /** The request's command id on the commands sent while answering it (see {@link CommandIds}). */
    @Bean
    CommandIds commandIds() {
        return new CommandIds();
    }

    /** Every event carries the id of the command that caused it and who sent that command. */
    @Bean
    CorrelationDataProvider commandIdAndActorCorrelation() {
        List<String> keys = new ArrayList<>(ActorMetaData.KEYS);
        keys.add(CommandMetadata.COMMAND_ID);
        return new SimpleCorrelationDataProvider(keys.toArray(String[]::new));
    }

    /** Declared because Axon drops its default once any provider is declared. */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }
}
