package jp.shinko.infra.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

    @TempDir
    Path folder;

    @Test
    void durableServerKeepsCommittedRowsAcrossARestart() throws Exception {
        Path data = folder.resolve("postgres");
        Path log = folder.resolve("postgres.log");
        int port = FreePorts.any();

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startDurable(data, port, log)) {
            assertThat(server.createDatabaseIfMissing("shinko")).isTrue();
            execute(server.jdbcUrl("shinko"), "create table city (name text)", "insert into city values ('多摩市')");
        }

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startDurable(data, port, log)) {
            assertThat(server.createDatabaseIfMissing("shinko")).isFalse();
            assertThat(query(server.jdbcUrl("shinko"), "select name from city")).isEqualTo("多摩市");
        }
    }

    @Test
    void durableServerWritesThroughToDisk() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startDurable(
                folder.resolve("postgres"), FreePorts.any(), folder.resolve("postgres.log"))) {
            String url = server.jdbcUrl("postgres");
            assertThat(query(url, "show fsync")).isEqualTo("on");
            assertThat(query(url, "show synchronous_commit")).isEqualTo("on");
            assertThat(query(url, "show server_encoding")).isEqualTo("UTF8");
        }
    }

    private static void execute(String url, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, EmbeddedPostgresServer.SUPERUSER, "");
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static String query(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, EmbeddedPostgresServer.SUPERUSER, "");
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            assertThat(row.next()).as("a row from %s", sql).isTrue();
            return row.getString(1);
        }
    }
}
