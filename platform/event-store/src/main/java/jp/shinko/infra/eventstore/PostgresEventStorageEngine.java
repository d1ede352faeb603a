package jp.shinko.infra.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's JDBC engine with the recorded time stored as {@code timestamptz} instead of text.
 *
 * <p>A real timestamp lets PostgreSQL answer "events of one municipality up to recorded time T"
 * from an index, and lets an auditor query the table with ordinary SQL. Axon keeps event
 * timestamps to the millisecond, so they are stored to the millisecond: what is stored and what
 * handlers see are the same instant.
 */
final class PostgresEventStorageEngine extends JdbcEventStorageEngine {

    PostgresEventStorageEngine(Builder builder) {
        super(builder.createTokenAt(PostgresEventStorageEngine::firstTokenAtOrAfter));
    }

    @Override
    protected Object readTimeStamp(ResultSet resultSet, String columnName) throws SQLException {
        return resultSet.getObject(columnName, OffsetDateTime.class);
    }

    @Override
    protected void writeTimestamp(PreparedStatement statement, int position, Instant timestamp) throws SQLException {
        statement.setObject(position, toColumnValue(timestamp));
    }

    private static PreparedStatement firstTokenAtOrAfter(Connection connection, EventSchema schema, Instant at)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(
                "SELECT min(" + schema.globalIndexColumn() + ") - 1 FROM " + schema.domainEventTable()
                        + " WHERE " + schema.timestampColumn() + " >= ?");
        statement.setObject(1, toColumnValue(at));
        return statement;
    }

    private static OffsetDateTime toColumnValue(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
    }
}
