package jp.shinko.infra.eventstore;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the shared event store, under {@code shinko.event-store}.
 *
 * @param migrate whether this service owns the event store schema and migrates it at start-up
 *     (the command service does; the query service only reads)
 * @param tokenTable the table, qualified with its schema, that holds this service's processor
 *     tokens; each service keeps its own
 */
@ConfigurationProperties("shinko.event-store")
public record EventStoreProperties(boolean migrate, String tokenTable) {

    public EventStoreProperties {
        if (tokenTable == null || tokenTable.isBlank()) {
            throw new IllegalArgumentException(
                    "shinko.event-store.token-table is required: the schema-qualified table of this service's tokens");
        }
    }
}
