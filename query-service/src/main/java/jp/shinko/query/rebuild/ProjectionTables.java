package jp.shinko.query.rebuild;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The projection tables and what queries read of them: each table through a view
 * ({@code query.progress_row_for_queries}) that shows the live table, or, while the projections
 * are rebuilt from the first event, a frozen copy of it as it stood, so no one sees a half-built
 * table. The view lives in the database, so every instance of the service reads the same; the
 * processors write the live tables all along.
 */
@Component
public class ProjectionTables {

    /** Every projection table of this service, without its schema. */
    public static final List<String> ALL = List.of("municipality", "progress_row", "city_year_count",
            "plan_digest");

    private static final String SCHEMA = "query.";
    private static final String FROZEN = "_before_rebuild";
    private static final String FOR_QUERIES = "_for_queries";

    private final JdbcClient jdbc;

    ProjectionTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The qualified name of what queries read of the table: its view. */
    public String forReading(String table) {
        return SCHEMA + table + FOR_QUERIES;
    }

    /** Copies every table, indexes included, and turns every instance's queries to the copies, at once. */
    @Transactional
    void freeze() {
        for (String table : ALL) {
            jdbc.sql("drop table if exists " + SCHEMA + table + FROZEN).update();
            jdbc.sql("create table " + SCHEMA + table + FROZEN + " (like " + SCHEMA + table + " including all)")
                    .update();
            jdbc.sql("insert into " + SCHEMA + table + FROZEN + " select * from " + SCHEMA + table).update();
            show(table, table + FROZEN);
        }
    }

    /** Turns the queries to the live tables again and drops the copies. */
    @Transactional
    void thaw() {
        for (String table : ALL) {
            show(table, table);
            jdbc.sql("drop table if exists " + SCHEMA + table + FROZEN).update();
        }
    }

    private void show(String table, String source) {
        jdbc.sql("create or replace view " + SCHEMA + table + FOR_QUERIES + " as select * from " + SCHEMA + source)
                .update();
    }
}
