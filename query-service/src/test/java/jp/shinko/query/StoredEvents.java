package jp.shinko.query;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.shinko.events.actor.Actor;
import jp.shinko.infra.eventstore.StandaloneEventStore;
import jp.shinko.infra.security.ActorMetaData;
import jp.shinko.infra.testsupport.TestInfrastructure;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Stores events as the command service would, with its database role, one aggregate's events in
 * order, so a query test can set up exactly the facts it reads back without a command service.
 * The query service under test may only read the event store, as in production; it finds these
 * events as it finds the command service's.
 */
public final class StoredEvents {

    private static final EventStore WRITER = StandaloneEventStore.over(commandServiceRole());

    private StoredEvents() {
    }

    /** Appends the events to an aggregate's stream, numbering them from {@code firstSequence}. */
    public static void append(String aggregateType, String aggregateId, long firstSequence, List<?> events) {
        append(aggregateType, aggregateId, firstSequence, null, events);
    }

    /** Appends the events as recorded for a person, whose keys go into each event's metadata. */
    public static void append(String aggregateType, String aggregateId, long firstSequence, Actor actor,
            List<?> events) {
        Map<String, Object> metaData = new HashMap<>(actor == null ? Map.of() : ActorMetaData.of(actor));
        long sequence = firstSequence;
        for (Object event : events) {
            metaData.put("commandId", UUID.randomUUID().toString());
            WRITER.publish(new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence++, event,
                    Map.copyOf(metaData)));
        }
    }

    private static HikariDataSource commandServiceRole() {
        TestInfrastructure.Postgres role = TestInfrastructure.commandService();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(role.jdbcUrl());
        config.setUsername(role.username());
        config.setPassword(role.password());
        config.setMaximumPoolSize(2);
        config.setPoolName("stored-events");
        return new HikariDataSource(config);
    }
}
