package jp.shinko.command.messaging;

import java.util.Optional;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.RepositorySpanFactory;

/**
 * Event-sourced aggregates kept in memory between commands ({@link AggregateCache}) and
 * brought up to date with the event store before every command.
 *
 * <p>Several command-service instances share one event store, and each keeps its own copies of
 * the aggregates it served. A copy does not see what another instance stored since, so a
 * command decided against it would find "unchanged" what the store had changed, or be refused
 * as stale although nobody raced it. Before a cached aggregate decides, its last stored sequence
 * number is read (one lookup in the unique index of aggregate and sequence) and the events it
 * misses are applied to it. A copy ahead of the store (a commit that failed after the copy was
 * kept) is dropped and the aggregate loaded again. Only a write that commits between this check
 * and the command's own insert conflicts on the sequence number, which is a real race and
 * answered {@code 409}.
 *
 * <p>{@code shinko.aggregate-cache.check-freshness=false} skips the lookup; it exists only so
 * that the benchmark can measure what the lookup costs, and is wrong with more than one
 * instance.
 */
public final class UpToDateAggregates<T> extends EventSourcingRepository<T> {

    private final EventStore eventStore;
    private final SnapshotTriggerDefinition snapshots;
    private final Cache cache;
    private final boolean checkFreshness;

    private UpToDateAggregates(Builder<T> builder, EventStore eventStore, SnapshotTriggerDefinition snapshots,
            Cache cache, boolean checkFreshness) {
        super(builder);
        this.eventStore = eventStore;
        this.snapshots = snapshots;
        this.cache = cache;
        this.checkFreshness = checkFreshness;
    }

    /** The repository of one aggregate type. */
    static <T> Repository<T> of(Class<T> type, Configuration configuration, EventStore eventStore,
            Cache cache, SnapshotTriggerDefinition snapshots, boolean checkFreshness) {
        Builder<T> builder = EventSourcingRepository.builder(type)
                .parameterResolverFactory(configuration.parameterResolverFactory())
                .handlerDefinition(configuration.handlerDefinition(type))
                .eventStore(eventStore)
                .snapshotTriggerDefinition(snapshots)
                .repositoryProvider(configuration::repository)
                .spanFactory(configuration.getComponent(RepositorySpanFactory.class));
        return new UpToDateAggregates<>(builder, eventStore, snapshots, cache, checkFreshness);
    }

    @Override
    protected EventSourcedAggregate<T> doLoadWithLock(String aggregateIdentifier, Long expectedVersion) {
        AggregateCacheEntry<T> cached = cache.get(aggregateIdentifier);
        if (cached == null) {
            return super.doLoadWithLock(aggregateIdentifier, expectedVersion);
        }
        CurrentUnitOfWork.get().onRollback(unitOfWork -> cache.remove(aggregateIdentifier));
        EventSourcedAggregate<T> aggregate = cached.recreateAggregate(aggregateModel(), eventStore,
                snapshots);
        if (checkFreshness && !caughtUp(aggregate)) {
            cache.remove(aggregateIdentifier);
            return super.doLoadWithLock(aggregateIdentifier, expectedVersion);
        }
        if (aggregate.isDeleted()) {
            throw new AggregateDeletedException(aggregateIdentifier);
        }
        return aggregate;
    }

    /**
     * Applies the events stored after the cached copy's version; false when the copy cannot be
     * brought up to date (it is ahead of the store), so it must be loaded again.
     */
    private boolean caughtUp(EventSourcedAggregate<T> aggregate) {
        Long version = aggregate.version();
        Optional<Long> stored = eventStore.lastSequenceNumberFor(aggregate.identifierAsString());
        if (version == null || stored.isEmpty() || stored.get() < version) {
            return stored.isEmpty() && version == null;
        }
        if (stored.get() > version) {
            DomainEventStream missing = eventStore.readEvents(aggregate.identifierAsString(), version + 1);
            if (missing.hasNext()) {
                aggregate.initializeState(missing);
            }
        }
        return stored.get().equals(aggregate.version());
    }

    @Override
    protected void validateOnLoad(Aggregate<T> aggregate, Long expectedVersion) {
        CurrentUnitOfWork.get().onRollback(unitOfWork -> cache.remove(aggregate.identifierAsString()));
        super.validateOnLoad(aggregate, expectedVersion);
    }

    @Override
    protected void doSaveWithLock(EventSourcedAggregate<T> aggregate) {
        super.doSaveWithLock(aggregate);
        CurrentUnitOfWork.get().onRollback(unitOfWork -> cache.remove(aggregate.identifierAsString()));
        cache.put(aggregate.identifierAsString(), new AggregateCacheEntry<>(aggregate));
    }

    @Override
    protected void doDeleteWithLock(EventSourcedAggregate<T> aggregate) {
        super.doDeleteWithLock(aggregate);
        CurrentUnitOfWork.get().onRollback(unitOfWork -> cache.remove(aggregate.identifierAsString()));
        cache.put(aggregate.identifierAsString(), new AggregateCacheEntry<>(aggregate));
    }
}
