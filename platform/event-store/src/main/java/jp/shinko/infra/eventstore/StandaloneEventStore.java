package jp.shinko.infra.eventstore;

import io.micrometer.tracing.Tracer;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;

/**
 * The event store as the services write it (same tables, serializer and timestamps), over a data
 * source of its own, outside any application: for tools and tests that record facts below the
 * API with the command service's role, where the service at hand (the query service) may only
 * read the store. Each event is committed as it is published.
 */
public final class StandaloneEventStore {

    private StandaloneEventStore() {
    }

    /** An event store appending through the given data source, each publication its own transaction. */
    public static EventStore over(DataSource dataSource) {
        return EmbeddedEventStore.builder()
                .storageEngine(new PostgresEventStorageEngine(PostgresEventStorageEngine.over(
                                new PublishedEventSerializer(),
                                new SQLStateResolver(EventStoreAutoConfiguration.UNIQUE_VIOLATION),
                                EventStoreAutoConfiguration.schema())
                        .connectionProvider(new DataSourceConnectionProvider(dataSource))
                        .transactionManager(NoTransactionManager.INSTANCE), Tracer.NOOP))
                .build();
    }
}
