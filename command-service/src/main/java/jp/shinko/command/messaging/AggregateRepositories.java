package jp.shinko.command.messaging;

import org.axonframework.common.caching.Cache;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;

/**
 * Makes the repository of each aggregate: {@link UpToDateAggregates} over the shared cache. An
 * aggregate's package declares a bean named after it ({@code planRepository}) from here, which
 * Axon's Spring support then uses instead of building its own.
 */
public final class AggregateRepositories {

    private final Configuration configuration;
    private final EventStore eventStore;
    private final Cache cache;
    private final boolean checkFreshness;

    AggregateRepositories(Configuration configuration, EventStore eventStore, Cache cache, boolean checkFreshness) {
        this.configuration = configuration;
        this.eventStore = eventStore;
        this.cache = cache;
        this.checkFreshness = checkFreshness;
    }

    /** The repository of an aggregate that is never snapshotted. */
    public <T> Repository<T> of(Class<T> type) {
        return of(type, NoSnapshotTriggerDefinition.INSTANCE);
    }

    /** The repository of an aggregate snapshotted as the trigger says. */
    public <T> Repository<T> of(Class<T> type, SnapshotTriggerDefinition snapshots) {
        return UpToDateAggregates.of(type, configuration, eventStore, cache, snapshots, checkFreshness);
    }
}
