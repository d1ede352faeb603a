package jp.shinko.infra.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The two login roles of a production installation, on a database of the local stack or the
 * tests: {@value #COMMAND} owns the event store and the command service's schema, {@value #QUERY}
 * owns the projections' schema and may only read the event store; neither is a superuser. The
 * schemas and rights come from the operator's own script, {@code deploy/database/schemas.sql}.
 *
 * <p>Objects a superuser created before the roles existed (a local stack's data directory from
 * an earlier version) are handed to their schema's owner, so an old data directory keeps working.
 */
public final class DatabaseRoles {

    /** The command service's role. */
    public static final String COMMAND = "shinko_command";

    /** The query service's role. */
    public static final String QUERY = "shinko_query";

    private static final String SCRIPT = "/jp/shinko/infra/embedded/database/schemas.sql";

    private static final List<String> COMMAND_SCHEMAS = List.of("event_store", "command");
    private static final List<String> QUERY_SCHEMAS = List.of("query");

    /** A role's connection settings. */
    public record Login(String jdbcUrl, String username, String password) {
    }

    private DatabaseRoles() {
    }

    /** The password of a role on a database of this machine's own (local stack, tests): not a secret. */
    public static String localPassword(String role) {
        return role + "-local";
    }

    /**
     * Creates the roles unless they exist, the schemas and rights, and hands objects a superuser
     * made in the roles' schemas to their owner; may be run again at every start.
     *
     * @param jdbcUrl the database, reached as a superuser
     */
    public static void ensure(String jdbcUrl, String superuser, String superuserPassword) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, superuser, superuserPassword);
                Statement statement = connection.createStatement()) {
            for (String role : List.of(COMMAND, QUERY)) {
                statement.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + role
                        + "') then create role " + role + " login nosuperuser nocreatedb nocreaterole password '"
                        + localPassword(role) + "'; end if; end $$");
            }
            statement.execute(script());
            for (String schema : COMMAND_SCHEMAS) {
                statement.execute(adopt(schema, COMMAND));
            }
            for (String schema : QUERY_SCHEMAS) {
                statement.execute(adopt(schema, QUERY));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not set up the roles shinko_command and shinko_query", e);
        }
    }

    /** How a role logs in to the database. */
    public static Login login(String jdbcUrl, String role) {
        return new Login(jdbcUrl, role, localPassword(role));
    }

    /** Every table, sequence and function of the schema, if owned by another role, to its owner. */
    private static String adopt(String schema, String owner) {
        return """
                do $$ declare object record; begin
                  for object in select c.relname as name, c.relkind as kind from pg_class c
                      join pg_namespace n on n.oid = c.relnamespace
                      where n.nspname = '%1$s' and c.relkind in ('r', 'p', 'S', 'v', 'm')
                        and pg_get_userbyid(c.relowner) <> '%2$s'
                        -- a sequence of an identity column follows its table
                        and not exists (select from pg_depend d where d.objid = c.oid and d.deptype in ('a', 'i'))
                      order by c.relkind <> 'r' loop
                    execute format(case object.kind when 'S' then 'alter sequence %%I.%%I owner to %%I'
                        when 'v' then 'alter view %%I.%%I owner to %%I'
                        when 'm' then 'alter materialized view %%I.%%I owner to %%I'
                        else 'alter table %%I.%%I owner to %%I' end, '%1$s', object.name, '%2$s');
                  end loop;
                  for object in select p.oid::regprocedure::text as name from pg_proc p
                      join pg_namespace n on n.oid = p.pronamespace
                      where n.nspname = '%1$s' and pg_get_userbyid(p.proowner) <> '%2$s' loop
                    execute format('alter routine %%s owner to %%I', object.name, '%2$s');
                  end loop;
                  if exists (select from pg_namespace where nspname = '%1$s'
                      and pg_get_userbyid(nspowner) <> '%2$s') then
                    execute format('alter schema %%I owner to %%I', '%1$s', '%2$s');
                  end if;
                end $$""".formatted(schema, owner);
    }

    private static String script() {
        try (InputStream in = DatabaseRoles.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
