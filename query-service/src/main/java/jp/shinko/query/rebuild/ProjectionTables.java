package jp.shinko.query.rebuild;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The projection tables and which copy of each queries read. While the projections are rebuilt
 * from the first event, queries read a frozen copy of the tables as they stood, so no one sees
 * a half-built table; the processors write the live tables all along.
 */
@Component
public class ProjectionTables {

    /** Every projection table of this service, without its schema. */
    public static final List<String> ALL = List.of("municipality", "progress_row");

    private static final String SCHEMA = "query.";
    private static final String FROZEN = "_before_rebuild";

    private final JdbcClient jdbc;
    private volatile boolean frozen;

    ProjectionTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The qualified name of the table queries read now: the live one, or its frozen copy during a rebuild. */
    public String forReading(String table) {
        return SCHEMA + table + (frozen ? FROZEN : "");
    }

    /** Copies every table, indexes included, and lets queries read the copies. */
    @Transactional
    void freeze() {
        for (String table : ALL) {
            jdbc.sql("drop table if exists " + SCHEMA + table + FROZEN).update();
            jdbc.sql("create table " + SCHEMA + table + FROZEN + " (like " + SCHEMA + table + " including all)")
                    .update();
            jdbc.sql("insert into " + SCHEMA + table + FROZEN + " select * from " + SCHEMA + table).update();
        }
        frozen = true;
    }

    /** Lets queries read the live tables again and drops the copies. */
    void thaw() {
        frozen = false;
        for (String table : ALL) {
            jdbc.sql("drop table if exists " + SCHEMA + table + FROZEN).update();
        }
    }
}
