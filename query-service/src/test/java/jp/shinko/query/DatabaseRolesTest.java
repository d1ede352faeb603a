package jp.shinko.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.municipality.MunicipalityRegistered;
import jp.shinko.infra.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Least privilege in the database, with the roles a production installation has
 * ({@code deploy/database/schemas.sql}): the query service, connected as its own role, reads
 * the event store and can neither add, change nor remove a stored event, nor touch the command
 * service's tables; the command service's role cannot read or write the projections, and even
 * it, the owner, cannot empty the event store; neither is a superuser. Naha (472018) is this test's.
 */
@QueryServiceTest
class DatabaseRolesTest {

    private static final String NAHA = "472018";

    @Autowired
    JdbcClient jdbc;

    @Test
    void theQueryServiceReadsTheEventStoreAndCanChangeNothingInIt() {
        StoredEvents.append("Municipality", NAHA, 0,
                List.of(new MunicipalityRegistered(MunicipalityCode.of(NAHA), "那覇市", "Naha")));
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("shinko_query");
        assertThat(jdbc.sql("select rolsuper or rolcreaterole or rolcreatedb or rolbypassrls from pg_roles "
                + "where rolname = current_user").query(Boolean.class).single()).isFalse();
        String stored = storedPayload();

        for (String write : List.of(
                "insert into event_store.domain_event_entry (event_identifier, aggregate_identifier, sequence_number, "
                        + "type, recorded_at, payload_type, payload_revision, payload, meta_data) values ('forged', '"
                        + NAHA + "', 1, 'Municipality', now(), 'MunicipalityRenamed', '1', '{}'::bytea, '{}'::bytea)",
                "update event_store.domain_event_entry set payload = '{}'::bytea where aggregate_identifier = '"
                        + NAHA + "'",
                "delete from event_store.domain_event_entry where aggregate_identifier = '" + NAHA + "'",
                "truncate event_store.domain_event_entry",
                "update event_store.chain_head set position = 0 where municipality_code = '" + NAHA + "'",
                "alter table event_store.domain_event_entry disable trigger all",
                "drop table event_store.domain_event_entry",
                "create table event_store.forged (id int)",
                "select count(*) from command.token_entry")) {
            assertThatThrownBy(() -> jdbc.sql(write).update()).as(write).rootCause()
                    .satisfies(DatabaseRolesTest::insufficientPrivilege);
        }
        assertThat(storedPayload()).as("the stored event, unchanged").isEqualTo(stored);
    }

    @Test
    void theCommandServicesRoleCannotReadOrWriteTheProjectionsNorEmptyTheStore() throws SQLException {
        try (Connection command = TestInfrastructure.commandService().connect();
                Statement statement = command.createStatement()) {
            for (String query : List.of("select count(*) from query.municipality",
                    "delete from query.municipality", "create table query.forged (id int)")) {
                assertThatThrownBy(() -> statement.execute(query)).as(query)
                        .satisfies(DatabaseRolesTest::insufficientPrivilege);
            }
            assertThatThrownBy(() -> statement.execute("truncate event_store.domain_event_entry"))
                    .as("emptying the event store, by the role that owns it").hasMessageContaining("never changed");
            try (ResultSet superuser = statement.executeQuery(
                    "select rolsuper from pg_roles where rolname = current_user")) {
                assertThat(superuser.next()).isTrue();
                assertThat(superuser.getBoolean(1)).as("the command service's role is a superuser").isFalse();
            }
        }
    }

    /** PostgreSQL's refusal for want of a right (SQLSTATE 42501), not any other error. */
    private static void insufficientPrivilege(Throwable refusal) {
        assertThat(refusal).isInstanceOf(SQLException.class);
        assertThat(((SQLException) refusal).getSQLState()).as(refusal.getMessage()).isEqualTo("42501");
    }

    private String storedPayload() {
        return jdbc.sql("select convert_from(payload, 'UTF8') from event_store.domain_event_entry "
                + "where aggregate_identifier = ?").param(NAHA).query(String.class).single();
    }
}
