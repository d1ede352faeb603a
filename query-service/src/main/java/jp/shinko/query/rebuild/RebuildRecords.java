package jp.shinko.query.rebuild;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rebuilds in {@code query.projection_rebuild}, which every instance reads: the state of
 * the current one decides whether an instance's processors run, and each step is taken by one
 * instance only (a state changes only from the state it is expected to be in).
 */
@Component
class RebuildRecords {

    private static final String TABLE = "query.projection_rebuild";

    private final JdbcClient jdbc;

    RebuildRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A rebuild as stored. */
    record Rebuild(long id, String state, List<String> processors, String startedBy, Instant startedAt,
            long totalEvents, Instant finishedAt, String failure) {

        boolean active() {
            return !state.equals("done") && !state.equals("failed");
        }
    }

    /** The latest rebuild, if any ever ran. */
    Optional<Rebuild> latest() {
        return jdbc.sql("select * from " + TABLE + " order by id desc limit 1").query(RebuildRecords::rebuild)
                .optional();
    }

    /** Records a new rebuild, freezing; empty when another one is already on its way. */
    Optional<Rebuild> begin(List<String> processors, String admin, Instant now, long totalEvents) {
        try {
            return Optional.of(jdbc.sql("insert into " + TABLE + " (state, processors, started_by, started_at, "
                            + "total_events) values ('freezing', ?, ?, ?, ?) returning *")
                    .params(String.join(",", processors), admin, Timestamp.from(now), totalEvents)
                    .query(RebuildRecords::rebuild).single());
        } catch (DuplicateKeyException anotherIsRunning) {
            return Optional.empty();
        }
    }

    /** Moves the rebuild on from one state to the next; false when it was not in that state (another took the step). */
    boolean advance(long id, String from, String to) {
        return jdbc.sql("update " + TABLE + " set state = ? where id = ? and state = ?").params(to, id, from)
                .update() == 1;
    }

    /** Ends the rebuild as done; false when it was not running. */
    boolean finish(long id, Instant now) {
        return jdbc.sql("update " + TABLE + " set state = 'done', finished_at = ? where id = ? and state = 'running'")
                .params(Timestamp.from(now), id).update() == 1;
    }

    /** Ends the rebuild as failed, from whatever state it was on its way in; false when it had ended already. */
    boolean fail(long id, Instant now, String why) {
        return jdbc.sql("update " + TABLE + " set state = 'failed', finished_at = ?, failure = ? where id = ? "
                        + "and state in ('freezing', 'starting', 'resetting', 'running')")
                .params(Timestamp.from(now), why, id).update() == 1;
    }

    private static Rebuild rebuild(ResultSet row, int number) throws SQLException {
        Timestamp finished = row.getTimestamp("finished_at");
        return new Rebuild(row.getLong("id"), row.getString("state"),
                Arrays.asList(row.getString("processors").split(",")), row.getString("started_by"),
                row.getTimestamp("started_at").toInstant(), row.getLong("total_events"),
                finished == null ? null : finished.toInstant(), row.getString("failure"));
    }
}
