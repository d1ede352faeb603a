package jp.shinko.query.rows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import jp.shinko.events.municipality.MunicipalityCode;
import jp.shinko.query.SchemaMigration;
import jp.shinko.query.rows.ProgressRow.Settings;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Migration 7: the cross-city summary's counts of the rows stored before the projection kept
 * them (migration 6 made the table), by {@link CityYearCount#of}, one municipality at a time. In
 * Java because the rating is the rating scheme's own function, which SQL would have to copy.
 */
@Component
class CityYearCountsBackfill extends SchemaMigration {

    private final JsonMapper json;

    CityYearCountsBackfill(JsonMapper json) {
        super("7", "city year counts of the rows stored before");
        this.json = json;
    }

    /** Counts every municipality's figures and statuses under its settings and stores the sums. */
    @Override
    public void migrate(Connection connection) throws SQLException {
        List<String> municipalities = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet codes = statement.executeQuery("select distinct municipality_code from query.progress_row "
                        + "where kind in ('figure', 'status') order by 1")) {
            while (codes.next()) {
                municipalities.add(codes.getString(1));
            }
        }
        try (PreparedStatement settingsRow = connection.prepareStatement("select row::text from query.progress_row "
                        + "where municipality_code = ? and kind = 'settings'");
                PreparedStatement rows = connection.prepareStatement("select kind, row::text from query.progress_row "
                        + "where municipality_code = ? and kind in ('figure', 'status')");
                PreparedStatement insert = connection.prepareStatement("insert into query.city_year_count "
                        + "(municipality_code, fiscal_year, kind, quarter, label, count) values (?, ?, ?, ?, ?, ?)")) {
            for (String municipality : municipalities) {
                Settings settings = settings(settingsRow, municipality);
                List<CityYearCount> counts = new ArrayList<>();
                rows.setString(1, municipality);
                try (ResultSet row = rows.executeQuery()) {
                    while (row.next()) {
                        CityYearCount.of(json.readValue(row.getString(2), JdbcProgressRows.TYPES.get(row.getString(1))),
                                settings).ifPresent(counts::add);
                    }
                }
                for (CityYearCount count : CityYearCount.sum(counts)) {
                    insert.setString(1, count.municipalityCode());
                    insert.setInt(2, count.fiscalYear());
                    insert.setString(3, count.kind());
                    insert.setInt(4, count.quarter());
                    insert.setString(5, count.label());
                    insert.setLong(6, count.count());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    private Settings settings(PreparedStatement settingsRow, String municipality) throws SQLException {
        settingsRow.setString(1, municipality);
        try (ResultSet row = settingsRow.executeQuery()) {
            return row.next() ? json.readValue(row.getString(1), Settings.class)
                    : Settings.defaults(MunicipalityCode.of(municipality));
        }
    }
}
