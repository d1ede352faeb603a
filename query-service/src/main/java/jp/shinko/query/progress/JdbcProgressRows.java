package jp.shinko.query.progress;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Progress rows in {@code query.progress_row}, one JSON document per row under its key. The
 * tables a city sees are built from these rows in Java, the same way as from rows in memory.
 */
@Component
class JdbcProgressRows implements ProgressRows {

    private static final Map<String, Class<? extends ProgressRow>> TYPES = Map.of(
            RowKey.SETTINGS, ProgressRow.Settings.class,
            RowKey.PLAN, ProgressRow.Plan.class,
            RowKey.ITEM, ProgressRow.Item.class,
            RowKey.FIGURE, ProgressRow.Figure.class,
            RowKey.STATUS, ProgressRow.Status.class,
            RowKey.NARRATIVE, ProgressRow.Narrative.class,
            RowKey.KPI, ProgressRow.Kpi.class,
            RowKey.OBSERVATION, ProgressRow.Observation.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final JsonMapper json;

    JdbcProgressRows(JdbcClient jdbc, JdbcTemplate batch, JsonMapper json) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
    }

    @Override
    public Optional<ProgressRow> find(RowKey key) {
        return jdbc.sql("""
                        select row::text from query.progress_row
                        where municipality_code = ? and plan_id = ? and kind = ? and row_id = ?""")
                .params(key.municipalityCode(), key.planId(), key.kind(), key.rowId())
                .query(String.class)
                .optional()
                .map(text -> json.readValue(text, TYPES.get(key.kind())));
    }

    @Override
    public void put(ProgressRow row) {
        putAll(List.of(row));
    }

    /** Writes rows in one JDBC batch, replacing the rows under the same keys. */
    void putAll(List<ProgressRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<Object[]> arguments = rows.stream().map(row -> new Object[] {row.key().municipalityCode(),
                row.key().planId(), row.key().kind(), row.key().rowId(), json.writeValueAsString(row)}).toList();
        batch.batchUpdate("""
                insert into query.progress_row (municipality_code, plan_id, kind, row_id, row)
                values (?, ?, ?, ?, ?::jsonb)
                on conflict (municipality_code, plan_id, kind, row_id) do update set row = excluded.row""",
                arguments);
    }

    @Override
    public <R extends ProgressRow> List<R> list(String municipalityCode, String planId, String kind, Class<R> type) {
        return jdbc.sql("""
                        select row::text from query.progress_row
                        where municipality_code = ? and plan_id = ? and kind = ? order by row_id""")
                .params(municipalityCode, planId, kind)
                .query(String.class)
                .list().stream()
                .map(text -> json.readValue(text, type))
                .toList();
    }

    /** Deletes every row, before the projection is rebuilt from the first event. */
    void deleteAll() {
        jdbc.sql("delete from query.progress_row").update();
    }
}
