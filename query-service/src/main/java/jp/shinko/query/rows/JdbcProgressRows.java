package jp.shinko.query.rows;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.events.plan.PlanId;
import jp.shinko.events.settings.ReportingDeadlines;
import jp.shinko.query.rebuild.ProjectionTables;
import jp.shinko.query.rows.ProgressRow.Item;
import jp.shinko.query.rows.ProgressRow.Settings;
import jp.shinko.query.web.Paging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Progress rows in {@code query.progress_row}, one JSON document per row under its key. The
 * tables a city sees are built from these rows in Java, the same way as from rows in memory.
 * The projection reads and writes the live table; queries read {@link #forQueries()}, which is
 * the frozen copy while the projections are rebuilt.
 */
@Component
public class JdbcProgressRows implements ProgressRows {

    static final Map<String, Class<? extends ProgressRow>> TYPES = Map.of(
            RowKey.SETTINGS, ProgressRow.Settings.class,
            RowKey.PLAN, ProgressRow.Plan.class,
            RowKey.ITEM, ProgressRow.Item.class,
            RowKey.FIGURE, ProgressRow.Figure.class,
            RowKey.STATUS, ProgressRow.Status.class,
            RowKey.NARRATIVE, ProgressRow.Narrative.class,
            RowKey.KPI, ProgressRow.Kpi.class,
            RowKey.OBSERVATION, ProgressRow.Observation.class);

    private static final Logger LOG = LoggerFactory.getLogger(JdbcProgressRows.class);
    private static final String TABLE = "progress_row";
    private static final String LIVE = "query." + TABLE;
    /** The cross-city summary's counts, kept beside the rows they count. */
    private static final String COUNTS = "city_year_count";
    private static final String LIVE_COUNTS = "query." + COUNTS;
    /** Each plan's digest for the views across cities, taken away when its rows change. */
    private static final String LIVE_DIGESTS = "query.plan_digest";
    /** The kinds of row a plan's digest is made of. */
    static final Set<String> DIGESTED = Set.of(RowKey.PLAN, RowKey.ITEM, RowKey.STATUS, RowKey.FIGURE);
    /** The first key of the advisory locks on a municipality's counts (the second is its code). */
    private static final int COUNTS_LOCK = 22;

    /**
     * The rows under the keys given as four arrays. The codes are char(6) like the column: compared
     * as text, the primary key could not serve and every batch of a rebuild read the whole table.
     */
    static final String FIND_ALL = "select r.kind, r.row::text from " + LIVE + " r join unnest(?::char(6)[], "
            + "?::text[], ?::text[], ?::text[]) as k(municipality_code, plan_id, kind, row_id) on r.municipality_code "
            + "= k.municipality_code and r.plan_id = k.plan_id and r.kind = k.kind and r.row_id = k.row_id";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final JsonMapper json;
    private final ProjectionTables tables;
    private final CityRows forQueries = new CityRows() {

        @Override
        public Optional<ProgressRow> find(RowKey key) {
            return JdbcProgressRows.this.find(tables.forReading(TABLE), key);
        }

        @Override
        public void put(ProgressRow row) {
            throw new UnsupportedOperationException("queries do not write progress rows");
        }

        @Override
        public <R extends ProgressRow> List<R> list(String municipalityCode, String planId, String kind,
                Class<R> type) {
            return JdbcProgressRows.this.list(tables.forReading(TABLE), municipalityCode, planId, kind, type);
        }

        @Override
        public List<ProgressRow.Plan> plans(String municipalityCode) {
            return JdbcProgressRows.this.plans(tables.forReading(TABLE), municipalityCode);
        }

        @Override
        public Set<String> rowIds(String municipalityCode, PlanId planId, String kind) {
            return Set.copyOf(jdbc.sql("select row_id from " + tables.forReading(TABLE)
                            + " where municipality_code = ? and plan_id = ? and kind = ?")
                    .params(municipalityCode, planId.value(), kind).query(String.class).list());
        }

        @Override
        public Map<String, String> municipalityNames() {
            return jdbc.sql("select code, name from " + tables.forReading("municipality"))
                    .query((row, number) -> Map.entry(row.getString(1), row.getString(2)))
                    .list().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        }

        @Override
        public <R extends ProgressRow> List<R> listAcrossMunicipalities(String kind, Class<R> type) {
            return listWhere(type, "kind = ?", kind);
        }

        @Override
        public List<Item> themedItems(Optional<String> theme) {
            return theme.isPresent()
                    ? listWhere(Item.class, "kind = 'item' and row->'content'->'focusThemes' "
                            + "@> jsonb_build_array(?::text)", theme.get())
                    : listWhere(Item.class, "kind = 'item' and jsonb_array_length(row->'content'->'focusThemes') > 0");
        }

        @Override
        public CityYearPage cityYearCounts(CityYearScope scope, int page, int size) {
            StringBuilder where = new StringBuilder(" where true");
            List<Object> arguments = new ArrayList<>();
            scope.municipalityCode().ifPresentOrElse(code -> {
                where.append(" and municipality_code = ?");
                arguments.add(code);
            }, () -> where.append(" and substr(municipality_code, 3, 3) <> '000'")); // not a prefecture's own
            scope.fiscalYear().ifPresent(year -> {
                where.append(" and fiscal_year = ?");
                arguments.add(year);
            });
            String counts = tables.forReading(COUNTS);
            int total = jdbc.sql("select count(*) from (select distinct municipality_code, fiscal_year from " + counts
                            + where + ") chosen")
                    .params(arguments).query(Integer.class).single();
            List<Object> paged = new ArrayList<>(arguments);
            paged.add(size);
            paged.add((long) Paging.firstRow(total, page, size));
            paged.addAll(arguments);
            // the condition again on the joined counts, so that one year's are read by the index, not every year's
            return new CityYearPage(jdbc.sql("select c.municipality_code, c.fiscal_year, c.kind, c.quarter, c.label, "
                            + "c.count from (select distinct municipality_code, fiscal_year from " + counts + where
                            + " order by municipality_code, fiscal_year limit ? offset ?) chosen join " + counts
                            + " c using (municipality_code, fiscal_year)" + where
                            + " order by c.municipality_code, c.fiscal_year, c.kind, c.quarter, c.label")
                    .params(paged)
                    .query((row, number) -> new CityYearCount(row.getString(1), row.getInt(2), row.getString(3),
                            row.getInt(4), row.getString(5), row.getLong(6)))
                    .list(), total);
        }

        /** Only the deadlines of each settings row are read; leniently, like {@link #listWhere}. */
        @Override
        public Map<String, ReportingDeadlines> deadlines() {
            Map<String, ReportingDeadlines> deadlines = new HashMap<>();
            jdbc.sql("select municipality_code, row->'deadlines' from " + tables.forReading(TABLE) + " where kind = ?")
                    .param(RowKey.SETTINGS)
                    .query((RowCallbackHandler) row -> {
                        String stored = row.getString(2);
                        try {
                            deadlines.put(row.getString(1), stored == null || stored.equals("null")
                                    ? ReportingDeadlines.DEFAULT : json.readValue(stored, ReportingDeadlines.class));
                        } catch (JacksonException unreadable) {
                            LOG.error("The deadlines of municipality {} cannot be read and are left out of the "
                                    + "views across cities", row.getString(1), unreadable);
                        }
                    });
            return deadlines;
        }

        /** Read leniently, like every row of the views across cities: an unreadable one is left out and logged. */
        @Override
        public Map<String, Settings> settingsOf(Collection<String> municipalityCodes) {
            return listWhere(Settings.class, "kind = '" + RowKey.SETTINGS
                            + "' and municipality_code = any(?::char(6)[])",
                    (Object) municipalityCodes.toArray(String[]::new)).stream()
                    .collect(Collectors.toMap(settings -> settings.municipalityCode().value(), settings -> settings));
        }

        /**
         * The rows of every municipality under a condition. A row that cannot be read is left out
         * and logged, so that one city's broken row never stops the views of all the others.
         */
        private <R extends ProgressRow> List<R> listWhere(Class<R> type, String condition, Object... arguments) {
            return jdbc.sql("select municipality_code, plan_id, row_id, row::text from " + tables.forReading(TABLE)
                            + " where " + condition)
                    .params(arguments)
                    .query((row, number) -> {
                        try {
                            return Optional.of(json.readValue(row.getString(4), type));
                        } catch (JacksonException unreadable) {
                            LOG.error("Row {} of plan {} of municipality {} cannot be read and is left out of the "
                                    + "views across cities: {}", row.getString(3), row.getString(2), row.getString(1),
                                    unreadable.getOriginalMessage());
                            return Optional.<R>empty();
                        }
                    })
                    .list().stream()
                    .flatMap(Optional::stream)
                    .toList();
        }
    };

    JdbcProgressRows(JdbcClient jdbc, JdbcTemplate batch, JsonMapper json, ProjectionTables tables) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
        this.tables = tables;
    }

    /** The rows as queries read them, live. */
    public CityRows forQueries() {
        return forQueries;
    }

    @Override
    public Optional<ProgressRow> find(RowKey key) {
        return find(LIVE, key);
    }

    private Optional<ProgressRow> find(String table, RowKey key) {
        return jdbc.sql("select row::text from " + table
                        + " where municipality_code = ? and plan_id = ? and kind = ? and row_id = ?")
                .params(key.municipalityCode(), key.planId(), key.kind(), key.rowId())
                .query(String.class)
                .optional()
                .map(text -> json.readValue(text, TYPES.get(key.kind())));
    }

    /** The rows stored under any of the keys, in one query; keys without a row are left out. */
    List<ProgressRow> findAll(Collection<RowKey> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(FIND_ALL)
                .params(keys.stream().map(RowKey::municipalityCode).toArray(String[]::new),
                        keys.stream().map(RowKey::planId).toArray(String[]::new),
                        keys.stream().map(RowKey::kind).toArray(String[]::new),
                        keys.stream().map(RowKey::rowId).toArray(String[]::new))
                .query((row, number) -> (ProgressRow) json.readValue(row.getString(2), TYPES.get(row.getString(1))))
                .list();
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
        return list(LIVE, municipalityCode, planId, kind, type);
    }

    private <R extends ProgressRow> List<R> list(String table, String municipalityCode, String planId, String kind,
            Class<R> type) {
        return jdbc.sql("select row::text from " + table
                        + " where municipality_code = ? and plan_id = ? and kind = ? order by row_id")
                .params(municipalityCode, planId, kind)
                .query(String.class)
                .list().stream()
                .map(text -> json.readValue(text, type))
                .toList();
    }

    @Override
    public List<ProgressRow.Plan> plans(String municipalityCode) {
        return plans(LIVE, municipalityCode);
    }

    private List<ProgressRow.Plan> plans(String table, String municipalityCode) {
        return jdbc.sql("select row::text from " + table + " where municipality_code = ? and kind = '" + RowKey.PLAN
                        + "' order by plan_id")
                .params(municipalityCode)
                .query(String.class)
                .list().stream()
                .map(text -> json.readValue(text, ProgressRow.Plan.class))
                .toList();
    }

    /**
     * Adds changes to the cross-city summary's counts (a count of -1 takes one away), in one JDBC
     * batch, and drops the counts that come to 0.
     */
    void addCounts(Collection<CityYearCount> changes) {
        List<CityYearCount> nonZero = changes.stream().filter(change -> change.count() != 0).toList();
        if (nonZero.isEmpty()) {
            return;
        }
        batch.batchUpdate("insert into " + LIVE_COUNTS
                + " (municipality_code, fiscal_year, kind, quarter, label, count) values (?, ?, ?, ?, ?, ?) "
                + "on conflict (municipality_code, fiscal_year, kind, quarter, label) "
                + "do update set count = " + COUNTS + ".count + excluded.count",
                nonZero.stream().map(change -> new Object[] {change.municipalityCode(), change.fiscalYear(),
                        change.kind(), change.quarter(), change.label(), change.count()}).toList());
        if (nonZero.stream().anyMatch(change -> change.count() < 0)) { // only a count taken from comes to 0
            jdbc.sql("delete from " + LIVE_COUNTS + " where municipality_code = any(?::char(6)[]) and count = 0")
                    .param(nonZero.stream().filter(change -> change.count() < 0).map(CityYearCount::municipalityCode)
                            .distinct().toArray(String[]::new))
                    .update();
        }
    }

    /**
     * Locks these municipalities' counts to the end of the transaction, in code order so that two
     * transactions never wait for each other: counts change under the settings as committed.
     */
    void lockCounts(Collection<String> municipalityCodes) {
        if (!municipalityCodes.isEmpty()) {
            jdbc.sql("select pg_advisory_xact_lock(" + COUNTS_LOCK + ", code::int) from unnest(?::text[]) code "
                            + "order by code")
                    .param(municipalityCodes.stream().sorted().toArray(String[]::new))
                    .query().listOfRows();
        }
    }

    /** The live settings of these municipalities by code, as committed (and written by this transaction). */
    Map<String, Settings> settingsOf(Collection<String> municipalityCodes) {
        if (municipalityCodes.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select row::text from " + LIVE + " where kind = '" + RowKey.SETTINGS
                        + "' and municipality_code = any(?::char(6)[])")
                .param(municipalityCodes.toArray(String[]::new))
                .query(String.class).list().stream()
                .map(text -> json.readValue(text, Settings.class))
                .collect(Collectors.toMap(settings -> settings.municipalityCode().value(), settings -> settings));
    }

    /**
     * Counts a municipality's rows again, as stored now: after its rating schemes changed, which
     * can change the rating of every figure it has.
     */
    void recount(String municipalityCode) {
        Settings settings = settingsOf(List.of(municipalityCode)).getOrDefault(municipalityCode,
                Settings.defaults(MunicipalityCode.of(municipalityCode)));
        List<CityYearCount> counts = new ArrayList<>();
        jdbc.sql("select kind, row::text from " + LIVE + " where municipality_code = ? and kind in ('"
                        + RowKey.FIGURE + "', '" + RowKey.STATUS + "')")
                .param(municipalityCode)
                .query((RowCallbackHandler) row -> CityYearCount.of(json.readValue(row.getString(2),
                        TYPES.get(row.getString(1))), settings).ifPresent(counts::add));
        jdbc.sql("delete from " + LIVE_COUNTS + " where municipality_code = ?").param(municipalityCode).update();
        addCounts(CityYearCount.sum(counts));
    }

    /**
     * Gives these plans (their own rows' keys) a new version and takes their digests
     * away, in code and plan order so that two transactions never wait for each other: their rows
     * changed, and the next query that reads the digests computes them again.
     */
    void touchPlans(Collection<RowKey> plans) {
        if (plans.isEmpty()) {
            return;
        }
        batch.batchUpdate("insert into " + LIVE_DIGESTS + " (municipality_code, plan_id, version) "
                + "values (?, ?, nextval('query.plan_digest_version')) on conflict (municipality_code, plan_id) "
                + "do update set version = excluded.version, digest = null",
                plans.stream().sorted(Comparator.comparing(RowKey::municipalityCode).thenComparing(RowKey::planId))
                        .map(plan -> new Object[] {plan.municipalityCode(), plan.planId()}).toList());
    }

    /** Deletes every row, count and digest, before the projection is rebuilt from the first event. */
    void deleteAll() {
        jdbc.sql("truncate " + LIVE + ", " + LIVE_COUNTS + ", " + LIVE_DIGESTS).update();
    }
}
