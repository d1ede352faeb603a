package jp.shinko.query;

import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A migration of the query schema written in Java, for what SQL cannot say without copying a
 * domain function (a Spring bean, which Flyway runs in version order with the SQL migrations, in
 * its transaction). Its checksum is none: the code may be tidied without Flyway objecting.
 */
public abstract class SchemaMigration implements JavaMigration {

    private final MigrationVersion version;
    private final String description;

    protected SchemaMigration(String version, String description) {
        this.version = MigrationVersion.fromVersion(version);
        this.description = description;
    }

    @Override
    public final MigrationVersion getVersion() {
        return version;
    }

    @Override
    public final String getDescription() {
        return description;
    }

    @Override
    public final Integer getChecksum() {
        return null;
    }

    @Override
    public final boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public final void migrate(Context context) throws SQLException {
        migrate(context.getConnection());
    }

    /** Migrates over this connection, in the migration's transaction. */
    public abstract void migrate(Connection connection) throws SQLException;
}
