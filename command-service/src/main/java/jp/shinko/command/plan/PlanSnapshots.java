package jp.shinko.command.plan;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import jp.shinko.command.messaging.AggregateRepositories;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.Repository;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Snapshots of long plans, so that loading one after a cache miss or a restart reads a snapshot
 * and the events after it, not a stream that grows by hundreds of events a year.
 *
 * <p>Snapshots are written after the triggering command has committed, on a thread of their
 * own, so no clerk waits for one. Losing one (the service stops while writing it) costs only
 * speed: the plan is then loaded from its events.
 */
@Configuration(proxyBeanMethods = false)
class PlanSnapshots {

    private static final String TRIGGER = "planSnapshotTrigger";

    /** Replaces Axon's default snapshotter, which writes in the committing thread. */
    @Bean
    SpringAggregateSnapshotter aggregateSnapshotter(org.axonframework.config.Configuration configuration,
            EventStore eventStore, TransactionManager transactionManager,
            ParameterResolverFactory parameterResolverFactory, HandlerDefinition handlerDefinition) {
        ExecutorService writer = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "plan-snapshots");
            thread.setDaemon(true);
            return thread;
        });
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .eventStore(eventStore)
                .transactionManager(transactionManager)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .executor(writer)
                .build();
    }

    /** Plans, kept in memory, up to date, and snapshotted as the trigger says. */
    @Bean
    Repository<Plan> planRepository(AggregateRepositories repositories,
            @Qualifier(TRIGGER) SnapshotTriggerDefinition planSnapshotTrigger) {
        return repositories.of(Plan.class, planSnapshotTrigger);
    }

    /** A snapshot once loading a plan would read more than this many events after the last one. */
    @Bean(TRIGGER)
    SnapshotTriggerDefinition planSnapshotTrigger(SpringAggregateSnapshotter snapshotter,
            @Value("${shinko.plan.snapshot-after-events:1000}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
