package jp.shinko.infra.eventstore;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the shared event store, under {@code shinko.event-store}.
 *
 * @param migrate whether this service owns the event store schema and migrates it at start-up
 *     (the command service does; the query service only reads)
 * @param tokenTable the table, qualified with its schema, that holds this service's processor
 *     tokens; each service keeps its own
 * @param pollInterval how often event processors look for events that another process stored
 *     (default 200 ms); events stored by this process reach them at once
 * @param settledAfter how long after it was recorded an event has surely committed or failed, so
 *     that answers about the past may keep it in memory (default 5 minutes)
 * @param cachedEvents how many settled events answers about the past keep in memory (default
 *     100,000: a few hundred bytes to a kilobyte each, well within the 480 MiB heap a service has
 *     in the Kubernetes manifests)
 */
@ConfigurationProperties("shinko.event-store")
public record EventStoreProperties(boolean migrate, String tokenTable, @DefaultValue("200ms") Duration pollInterval,
        @DefaultValue("5m") Duration settledAfter, @DefaultValue("100000") long cachedEvents) {

    public EventStoreProperties {
        if (tokenTable == null || tokenTable.isBlank()) {
            throw new IllegalArgumentException(
                    "shinko.event-store.token-table is required: the schema-qualified table of this service's tokens");
        }
    }
}
