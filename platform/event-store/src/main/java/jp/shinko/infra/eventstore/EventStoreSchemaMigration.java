package jp.shinko.infra.eventstore;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Creates and upgrades the {@value #SCHEMA} schema with Flyway, with its own history table,
 * independent of each service's own migrations.
 */
public final class EventStoreSchemaMigration {

    /** The PostgreSQL schema that holds the events and snapshots. */
    public static final String SCHEMA = "event_store";

    private EventStoreSchemaMigration() {
    }

    /** Applies the pending migrations; a no-op when the schema is current. */
    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(SCHEMA)
                .createSchemas(true)
                .locations("classpath:db/event-store")
                .load()
                .migrate();
    }
}
