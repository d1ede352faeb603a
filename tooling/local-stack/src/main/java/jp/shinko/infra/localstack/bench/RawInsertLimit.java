package jp.shinko.infra.localstack.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The most this PostgreSQL can take of what a command does at its core: one event-sized row
 * inserted and committed, from each client, one after the other. The table is a copy of the
 * event store's (same columns, indexes and generated municipality code, its own sequence) without
 * the hash-chain trigger; the row is the last stored event's payload and metadata.
 */
final class RawInsertLimit {

    private static final String TABLE = "public.bench_raw_event_entry";

    private RawInsertLimit() {
    }

    static LoadRun.Result measure(String jdbcUrl, String user, int clients, Duration warmUp, Duration timed)
            throws SQLException, InterruptedException {
        String payloadType;
        byte[] payload;
        byte[] metaData;
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, "");
                Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists " + TABLE);
            statement.execute("create table " + TABLE + " (like event_store.domain_event_entry including all)");
            try (ResultSet event = statement.executeQuery("select payload_type, payload, meta_data from "
                    + "event_store.domain_event_entry order by global_index desc limit 1")) {
                event.next();
                payloadType = event.getString(1);
                payload = event.getBytes(2);
                metaData = event.getBytes(3);
            }
        }
        List<Connection> connections = new ArrayList<>();
        List<PreparedStatement> inserts = new ArrayList<>();
        try {
            for (int client = 0; client < clients; client++) {
                Connection connection = DriverManager.getConnection(jdbcUrl, user, "");
                connections.add(connection);
                inserts.add(connection.prepareStatement("insert into " + TABLE + " (event_identifier, "
                        + "aggregate_identifier, sequence_number, type, recorded_at, payload_type, payload_revision, "
                        + "payload, meta_data) values (?, ?, ?, 'Plan', ?, ?, '1', ?, ?)"));
            }
            return LoadRun.run(clients, warmUp, timed, (client, sequence) -> {
                PreparedStatement insert = inserts.get(client);
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, String.format("%06d:plan:raw", 990000 + client));
                insert.setLong(3, sequence);
                insert.setTimestamp(4, Timestamp.from(Instant.now()));
                insert.setString(5, payloadType);
                insert.setBytes(6, payload);
                insert.setBytes(7, metaData);
                insert.executeUpdate(); // auto-commit: the insert and its commit
                return 1;
            });
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
            try (Connection connection = DriverManager.getConnection(jdbcUrl, user, "");
                    Statement statement = connection.createStatement()) {
                statement.execute("drop table " + TABLE);
            }
        }
    }
}
