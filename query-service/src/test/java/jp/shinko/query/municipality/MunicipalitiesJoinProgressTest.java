package jp.shinko.query.municipality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.municipality.MunicipalityRegistered;
import jp.shinko.query.QueryServiceTest;
import jp.shinko.query.StoredEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Migration 10 enters a registration the former municipalities processor had not handled, as
 * its handler enters it, and leaves no position or parked event of that processor behind (the
 * progress processor's positions stay).
 * Wakkanai (012149) is this test's own.
 */
@QueryServiceTest
class MunicipalitiesJoinProgressTest {

    private static final MunicipalityCode WAKKANAI = MunicipalityCode.of("012149");

    @Autowired
    DataSource dataSource;

    @Autowired
    MunicipalitiesJoinProgress migration;

    @Test
    void aRegistrationTheFormerProcessorMissedIsEnteredAsItsHandlerEntersIt() throws Exception {
        StoredEvents.append("Municipality", WAKKANAI.value(), 0,
                List.of(new MunicipalityRegistered(WAKKANAI, "稚内市", "Wakkanai")));
        String handled = await().atMost(Duration.ofSeconds(30)).until(this::wakkanai, row -> row != null);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("delete from query.municipality where code = '" + WAKKANAI.value() + "'");
                statement.executeUpdate("insert into query.token_entry (processor_name, segment, token_type) "
                        + "values ('municipalities', 0, null), ('municipalities', 1, null)");
                statement.executeUpdate("insert into query.dead_letter_entry (dead_letter_identifier, "
                        + "processing_group, sequence_identifier, sequence_index, message_type, event_identifier, "
                        + "time_stamp, payload_type, payload, enqueued_at) values ('parked-wakkanai', "
                        + "'municipalities', '" + WAKKANAI.value() + "', 0, 'DomainEventMessage', 'e', "
                        + "'2026-12-04T00:00:00Z', 'MunicipalityRegistered', '\\x7b7d', '2026-12-04T00:00:00Z')");

                migration.migrate(connection);

                assertThat(wakkanai(connection)).isEqualTo(handled);
                assertThat(count(connection, "select count(*) from query.token_entry "
                        + "where processor_name = 'municipalities'")).isZero();
                assertThat(count(connection, "select count(*) from query.token_entry "
                        + "where processor_name = 'progress'")).isPositive();
                assertThat(count(connection, "select count(*) from query.dead_letter_entry "
                        + "where processing_group = 'municipalities'")).isZero();
            } finally {
                connection.rollback();
            }
        }
    }

    private String wakkanai() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            return wakkanai(connection);
        }
    }

    private static String wakkanai(Connection connection) throws Exception {
        try (PreparedStatement query = connection.prepareStatement("select code || ' ' || name || ' ' "
                + "|| romanised_name || ' ' || registered_at from query.municipality where code = ?")) {
            query.setString(1, WAKKANAI.value());
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private static long count(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
