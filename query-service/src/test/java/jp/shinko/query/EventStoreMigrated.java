package jp.shinko.query;

import jp.shinko.infra.eventstore.EventStoreSchemaMigration;
import jp.shinko.infra.testsupport.TestInfrastructure;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The event store's tables as the command service leaves them when it starts: migrated with the
 * command service's role before the query service under test starts, since the query service's
 * own role may only read them.
 */
public final class EventStoreMigrated implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestInfrastructure.Postgres role = TestInfrastructure.commandService();
        EventStoreSchemaMigration.migrate(new DriverManagerDataSource(role.jdbcUrl(), role.username(),
                role.password()));
    }
}
